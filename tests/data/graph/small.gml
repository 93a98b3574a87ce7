Creator "igraph version 0.10.2"
Version 1
graph
[
  directed 0
  node
  [
    id 0
    name "Ivan Titov"
  ]
  node
  [
    id 1
    name "Mirella Lapata"
  ]
  node
  [
    id 2
    name "Wilker Aziz"
  ]
  node
  [
    id 3
    name "Nicola De Cao"
  ]
  edge
  [
    source 1
    target 0
    weight 3
  ]
  edge
  [
    source 2
    target 1
    weight 1
  ]
  edge
  [
    source 2
    target 0
    weight 2
  ]
  edge
  [
    source 3
    target 2
    weight 4
  ]
]
