//! How an uncaught SyntaxError is displayed: file, line, the stripped source line and the
//! caret line, compared in full with what CPython 3.11 prints (expected texts recorded from
//! python3; `DIR/` stands for the script's directory).

mod common;

use std::path::PathBuf;

/// (name, script source, CPython's stderr).
const CASES: &[(&str, &str, &str)] = &[
    ("missing_colon", "x = 1\nif x\n    pass\n", "  File \"DIR/missing_colon.py\", line 2\n    if x\n        ^\nSyntaxError: expected ':'\n"),
    ("comma_range", "def f():\n  x = (1,\n      2 3)\n", "  File \"DIR/comma_range.py\", line 3\n    2 3)\n    ^^^\nSyntaxError: invalid syntax. Perhaps you forgot a comma?\n"),
    ("non_ascii_before", "print(\"héllo\" +)\n", "  File \"DIR/non_ascii_before.py\", line 1\n    print(\"héllo\" +)\n                    ^\nSyntaxError: invalid syntax\n"),
    ("non_ascii_inside", "x = (1,\n   éé 3)\n", "  File \"DIR/non_ascii_inside.py\", line 2\n    éé 3)\n    ^^^^^^\nSyntaxError: invalid syntax. Perhaps you forgot a comma?\n"),
    ("tab_indent", "\tx = 1 +\n", "  File \"DIR/tab_indent.py\", line 1\n    x = 1 +\nIndentationError: unexpected indent\n"),
    ("genexp_range", "f(a for a in b, c)\n", "  File \"DIR/genexp_range.py\", line 1\n    f(a for a in b, c)\n      ^^^^^^^^^^^^\nSyntaxError: Generator expression must be parenthesized\n"),
    ("indent_block", "for x in range(3):\nprint(x)\n", "  File \"DIR/indent_block.py\", line 2\n    print(x)\n    ^\nIndentationError: expected an indented block after 'for' statement on line 1\n"),
    ("unterminated", "x = \"abc\n", "  File \"DIR/unterminated.py\", line 1\n    x = \"abc\n        ^\nSyntaxError: unterminated string literal (detected at line 1)\n"),
    // errors whose fields are attributes only (args == (msg,)), from future.c and the symbol table
    ("future_late", "\"\"\"doc\"\"\"\nimport os; from __future__ import division\n", "  File \"DIR/future_late.py\", line 2\n    import os; from __future__ import division\n              ^\nSyntaxError: from __future__ imports must occur at the beginning of the file\n"),
    ("future_braces", "from __future__ import braces\n", "  File \"DIR/future_braces.py\", line 1\n    from __future__ import braces\n    ^\nSyntaxError: not a chance\n"),
    ("nonlocal_unbound", "def f():\n    nonlocal x\n", "  File \"DIR/nonlocal_unbound.py\", line 2\n    nonlocal x\n    ^^^^^^^^^^\nSyntaxError: no binding for nonlocal 'x' found\n"),
    ("invalid_char", "x = 1\nprice = 10 €\n", "  File \"DIR/invalid_char.py\", line 2\n    price = 10 €\n               ^\nSyntaxError: invalid character '€' (U+20AC)\n"),
];

#[test]
fn syntax_errors_display_like_cpython() {
    let dir: PathBuf = std::env::temp_dir().join(format!("pyjit-syntax-display-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let mut failures = Vec::new();
    for (name, source, want) in CASES {
        let path = dir.join(format!("{name}.py"));
        std::fs::write(&path, source).expect("write script");
        let out = common::pyjit(&dir, false).arg(&path).output().expect("run pyjit");
        let got = String::from_utf8_lossy(&out.stderr).replace(&format!("{}/", dir.to_string_lossy()), "DIR/");
        assert_eq!(out.status.code(), Some(1), "{name}: exit status");
        if got != *want {
            failures.push(format!("{name}:\n--- want\n{want}--- got\n{got}"));
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
