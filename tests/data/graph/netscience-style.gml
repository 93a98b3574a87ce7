Creator "written by hand for coauthor's tests, in the style of Newman's netscience.gml"
graph
[
  node
  [
    id 0
    label "ABRAMSON, G"
  ]
  node
  [
    id 1
    label "KUPERMAN, M"
  ]
  node
  [
    id 2
    label "ACEBRON, J"
  ]
  node
  [
    id 3
    label "BONILLA, L"
  ]
  edge
  [
    source 1
    target 0
    value 2.5
  ]
  edge
  [
    source 3
    target 2
    value 1.0
    papers 4
  ]
  edge
  [
    source 0
    target 3
    value 0.333333
  ]
]
