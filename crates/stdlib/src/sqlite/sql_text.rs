//! Looking at SQL text without SQLite: skipping blanks and comments, whether a statement
//! is DML (CPython's sqlite3 opens a transaction before those), whether text is empty.

/// The offset of the first character that is not a blank, a `;` (when `semis`) or a comment.
pub fn skip_blanks(sql: &str, semis: bool) -> usize {
    let b = sql.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' => i += 1,
            b';' if semis => i += 1,
            b'-' if b.get(i + 1) == Some(&b'-') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if b.get(i + 1) == Some(&b'*') => match sql[i + 2..].find("*/") {
                Some(e) => i += e + 4,
                None => return b.len(),
            },
            _ => break,
        }
    }
    i
}

/// Whether the statement starts with INSERT, UPDATE, DELETE or REPLACE.
pub fn is_dml(sql: &str) -> bool {
    let rest = &sql[skip_blanks(sql, false)..];
    let word: String = rest.chars().take_while(|c| c.is_ascii_alphabetic()).collect::<String>().to_ascii_lowercase();
    matches!(word.as_str(), "insert" | "update" | "delete" | "replace")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scanning() {
        assert_eq!(skip_blanks("  -- x\n ; /* y */ ", true), 18);
        assert_eq!(skip_blanks(" ; x", false), 1);
        assert_eq!(skip_blanks(" /* open", false), 8);
        assert!(is_dml(" /* c */ Insert into t values (1)"));
        assert!(is_dml("-- c\nREPLACE into t values (1)"));
        assert!(!is_dml("select 1"));
        assert!(!is_dml("with x as (select 1) insert into t select * from x"));
    }
}
