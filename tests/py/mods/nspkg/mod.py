WHAT = "nspkg.mod"
