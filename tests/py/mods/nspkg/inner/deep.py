WHAT = "nspkg.inner.deep"
