# The ACL Anthology lists four authors twice on one paper each (two people
# of one name, as the Anthology's own person ids show): each repeat is
# counted, once, in the summary and in duplicate_authorships.
. tests/shared-data.sh
need_shared acl/acl-main-2015-2021.bib.gz
coauthor stats "$SHARED/acl/acl-main-2015-2021.bib.gz" 2>&1 | grep -E '^coauthor: read|^duplicate|^authorships'
