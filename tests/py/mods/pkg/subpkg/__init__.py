print("pkg.subpkg/__init__: executing")
