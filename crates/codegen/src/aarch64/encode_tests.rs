//! Encoding tests: every `Asm` form, disassembled by binutils' `aarch64-linux-gnu-objdump`
//! and compared with the assembly text written here from the ISA's syntax (the independent
//! check: expected text is never copied from our own output). One objdump per test.

use super::regs::*;
use super::*;
use crate::buffer::OutOfRange;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

const OBJDUMP: &str = "aarch64-linux-gnu-objdump";

/// Disassembles `code` as raw AArch64 at address `vma`, one normalised line per word.
pub(super) fn objdump_at(code: &[u8], vma: u64) -> Vec<String> {
    static N: AtomicUsize = AtomicUsize::new(0);
    let path = std::env::temp_dir().join(format!(
        "pyjit-a64-{}-{}.bin",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::write(&path, code).expect("write temp file");
    let out = Command::new(OBJDUMP)
        .args(["-D", "-b", "binary", "-m", "aarch64", &format!("--adjust-vma={vma:#x}")])
        .arg(&path)
        .output();
    let _ = std::fs::remove_file(&path);
    let out = match out {
        Ok(o) => o,
        Err(e) => panic!(
            "cannot run {OBJDUMP} ({e}): install the Debian package binutils-aarch64-linux-gnu \
             (apt-get install binutils-aarch64-linux-gnu)"
        ),
    };
    assert!(out.status.success(), "{OBJDUMP} failed: {}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    let mut lines = vec![];
    for line in text.lines() {
        // "   8:\td2800000 \tmov\tx0, #0x0   \t// #0"
        let Some((addr, rest)) = line.split_once(":\t") else { continue };
        if !addr.trim().chars().all(|c| c.is_ascii_hexdigit()) {
            continue;
        }
        let rest = rest.split_once('\t').map_or("", |(_word, insn)| insn);
        lines.push(norm(rest));
    }
    lines
}

/// Drops comments (`// ...`) and symbols (`<...>`), collapses blanks, lowercases.
fn norm(s: &str) -> String {
    let s = s.split("//").next().unwrap_or("");
    let mut out = String::new();
    let mut depth = 0;
    for c in s.chars() {
        match c {
            '<' => depth += 1,
            '>' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

fn check_code_at(code: &[u8], vma: u64, expected: &[String]) {
    assert_eq!(code.len(), 4 * expected.len(), "one word per expected instruction");
    let got = objdump_at(code, vma);
    assert_eq!(got.len(), expected.len(), "objdump lines: {got:#?}");
    let mut bad = vec![];
    for (i, (g, e)) in got.iter().zip(expected).enumerate() {
        if *g != norm(e) {
            let w = u32::from_le_bytes(code[4 * i..4 * i + 4].try_into().unwrap());
            bad.push(format!("#{i} ({w:#010x}): expected `{}`, objdump says `{g}`", norm(e)));
        }
    }
    assert!(bad.is_empty(), "mismatches:\n{}", bad.join("\n"));
}

/// Runs `build`, resolves fixups, and compares the disassembly with `expected`.
fn check<S: AsRef<str>>(build: impl FnOnce(&mut Asm), expected: &[S]) {
    let mut a = Asm::new();
    build(&mut a);
    let code = a.finish().expect("fixups in range");
    let expected: Vec<String> = expected.iter().map(|s| s.as_ref().to_string()).collect();
    check_code_at(&code, 0, &expected);
}

#[test]
fn moves_and_move_wide() {
    check(
        |a| {
            a.mov(X0, X1);
            a.mov(X15, X30);
            a.mov(X28, XZR);
            a.mov(SP, X0);
            a.mov(X29, SP);
            a.mov_w(X0, X1);
            a.movz(X0, 0, 0);
            a.movz(X1, 0xffff, 0);
            a.movz(X2, 0x1234, 16);
            a.movz(X3, 0x1234, 48);
            a.movz(X4, 0, 16);
            a.movk(X15, 0xbeef, 0);
            a.movk(X28, 0xffff, 32);
            a.movk(X30, 1, 48);
            a.movn(X0, 0, 0);
            a.movn(X5, 0x1234, 16);
            a.movn(X7, 0, 16);
        },
        &[
            "mov x0, x1",
            "mov x15, x30",
            "mov x28, xzr",
            "mov sp, x0",
            "mov x29, sp",
            "mov w0, w1",
            "mov x0, #0x0",
            "mov x1, #0xffff",
            "mov x2, #0x12340000",
            "mov x3, #0x1234000000000000",
            "movz x4, #0x0, lsl #16",
            "movk x15, #0xbeef",
            "movk x28, #0xffff, lsl #32",
            "movk x30, #0x1, lsl #48",
            "mov x0, #0xffffffffffffffff",
            "mov x5, #0xffffffffedcbffff",
            "movn x7, #0x0, lsl #16",
        ],
    );
}

#[test]
fn mov_imm_sequences() {
    check(
        |a| {
            a.mov_imm(X0, 0);
            a.mov_imm(X1, 0xffff);
            a.mov_imm(X2, 0x1_0000);
            a.mov_imm(X3, !0);
            a.mov_imm(X4, 0xffff_ffff_ffff_1234);
            a.mov_imm(X5, 0x1234_5678);
            a.mov_imm(X6, 0x1234_5678_9abc_def0);
            a.mov_imm(X7, 0xffff_1234_ffff_5678);
            a.mov_imm(X8, 0x5555_5555_5555_5555);
            a.mov_imm(X9, 0xffff_fffe);
            a.mov_imm(X28, 0x8000_0000_0000_0000);
            a.mov_imm(X30, 0x1_0000_0001);
            a.mov_imm(X10, 0x1_0000_ffff);
            a.mov_imm(X11, 0xfffe_ffff_ffff_ffff);
        },
        &[
            "mov x0, #0x0",
            "mov x1, #0xffff",
            "mov x2, #0x10000",
            "mov x3, #0xffffffffffffffff",
            "mov x4, #0xffffffffffff1234",
            "mov x5, #0x5678",
            "movk x5, #0x1234, lsl #16",
            "mov x6, #0xdef0",
            "movk x6, #0x9abc, lsl #16",
            "movk x6, #0x5678, lsl #32",
            "movk x6, #0x1234, lsl #48",
            "mov x7, #0xffffffffffff5678",
            "movk x7, #0x1234, lsl #32",
            "mov x8, #0x5555555555555555",
            "mov x9, #0xfffffffe",
            "mov x28, #0x8000000000000000",
            "mov x30, #0x100000001",
            "mov x10, #0xffff",
            "movk x10, #0x1, lsl #32",
            "mov x11, #0xfffeffffffffffff",
        ],
    );
}

#[test]
fn add_sub_immediate() {
    check(
        |a| {
            a.add_imm(X0, X1, 0);
            a.add_imm(X15, X28, 4095);
            a.add_imm(X30, X0, 4096);
            a.add_imm(SP, SP, 16);
            a.add_imm(X29, SP, 0);
            a.add_imm(X0, SP, 0xfff000);
            a.sub_imm(SP, SP, 32);
            a.sub_imm(X1, X2, 4095);
            a.adds_imm(X3, X4, 1);
            a.adds_imm(X5, SP, 8);
            a.subs_imm(X6, X7, 4096);
            a.subs_imm(XZR, X8, 2);
            a.cmp_imm(X8, 0);
            a.cmp_imm(SP, 4095);
            a.cmn_imm(X30, 1);
            a.cmn_imm(X9, 0x1000);
        },
        &[
            "add x0, x1, #0x0",
            "add x15, x28, #0xfff",
            "add x30, x0, #0x1, lsl #12",
            "add sp, sp, #0x10",
            "mov x29, sp",
            "add x0, sp, #0xfff, lsl #12",
            "sub sp, sp, #0x20",
            "sub x1, x2, #0xfff",
            "adds x3, x4, #0x1",
            "adds x5, sp, #0x8",
            "subs x6, x7, #0x1, lsl #12",
            "cmp x8, #0x2",
            "cmp x8, #0x0",
            "cmp sp, #0xfff",
            "cmn x30, #0x1",
            "cmn x9, #0x1, lsl #12",
        ],
    );
}

#[test]
fn add_sub_register() {
    use Shift::*;
    check(
        |a| {
            a.add(X0, X1, X2);
            a.add(X28, X30, XZR);
            a.add_shifted(X0, X1, X2, LSL, 3);
            a.add_shifted(X3, X4, X5, LSR, 63);
            a.add_shifted(X6, X7, X8, ASR, 1);
            a.adds(X9, X10, X11);
            a.adds_shifted(X9, X10, X11, LSL, 1);
            a.sub(X12, X13, X14);
            a.sub_shifted(X12, X13, X14, ASR, 63);
            a.subs(X15, X16, X17);
            a.subs_shifted(X15, X16, X17, LSR, 4);
            a.cmp(X0, X30);
            a.cmp(X28, XZR);
            a.cmn(X1, X2);
            a.neg(X3, X4);
            a.neg(X30, X30);
            a.negs(X5, X6);
        },
        &[
            "add x0, x1, x2",
            "add x28, x30, xzr",
            "add x0, x1, x2, lsl #3",
            "add x3, x4, x5, lsr #63",
            "add x6, x7, x8, asr #1",
            "adds x9, x10, x11",
            "adds x9, x10, x11, lsl #1",
            "sub x12, x13, x14",
            "sub x12, x13, x14, asr #63",
            "subs x15, x16, x17",
            "subs x15, x16, x17, lsr #4",
            "cmp x0, x30",
            "cmp x28, xzr",
            "cmn x1, x2",
            "neg x3, x4",
            "neg x30, x30",
            "negs x5, x6",
        ],
    );
}

#[test]
fn logical_register() {
    use Shift::*;
    check(
        |a| {
            a.and(X0, X1, X2);
            a.and_shifted(X3, X4, X5, ROR, 7);
            a.orr(X6, X7, X8);
            a.orr_shifted(X0, X1, X2, LSL, 32);
            a.eor(X9, X10, X11);
            a.eor_shifted(X9, X10, X11, LSR, 1);
            a.ands(X12, X13, X14);
            a.ands_shifted(X12, X13, X14, ASR, 2);
            a.bic(X15, X28, X30);
            a.bic_shifted(X15, X28, X30, LSL, 63);
            a.bics(X0, X1, X2);
            a.orn(X3, X4, X5);
            a.eon(X6, X7, X8);
            a.mvn(X9, X10);
            a.tst(X0, X1);
            a.tst(X30, XZR);
        },
        &[
            "and x0, x1, x2",
            "and x3, x4, x5, ror #7",
            "orr x6, x7, x8",
            "orr x0, x1, x2, lsl #32",
            "eor x9, x10, x11",
            "eor x9, x10, x11, lsr #1",
            "ands x12, x13, x14",
            "ands x12, x13, x14, asr #2",
            "bic x15, x28, x30",
            "bic x15, x28, x30, lsl #63",
            "bics x0, x1, x2",
            "orn x3, x4, x5",
            "eon x6, x7, x8",
            "mvn x9, x10",
            "tst x0, x1",
            "tst x30, xzr",
        ],
    );
}

#[test]
fn logical_immediate() {
    check(
        |a| {
            a.and_imm(X0, X1, 0xff);
            a.and_imm(SP, X2, 0xffff_ffff_ffff_fff0);
            a.orr_imm(X3, X4, 0x5555_5555_5555_5555);
            a.orr_imm(X5, XZR, 0xff);
            a.eor_imm(X6, X7, 0xffff_ffff_ffff_fffe);
            a.eor_imm(X28, X30, 1);
            a.ands_imm(X8, X9, 0x8000_0000_0000_0000);
            a.tst_imm(X10, 7);
            a.tst_imm(X15, 0x0f0f_0f0f_0f0f_0f0f);
            a.and_imm(X0, X0, 0x7fff_ffff_ffff_ffff);
            a.orr_imm(X1, X1, 0x3333_3333_3333_3333);
            a.and_imm(X2, X2, 0xaaaa_aaaa_aaaa_aaaa);
            a.orr_imm(X3, X3, 0xffff_0000_ffff_0000);
            a.eor_imm(X4, X4, 0x00ff_ff00_00ff_ff00);
            a.and_imm(X5, X5, 0xc000_0000_0000_0003);
            a.ands_imm(XZR, X6, 0xffff_ffff_0000_0000);
        },
        &[
            "and x0, x1, #0xff",
            "and sp, x2, #0xfffffffffffffff0",
            "orr x3, x4, #0x5555555555555555",
            "orr x5, xzr, #0xff",
            "eor x6, x7, #0xfffffffffffffffe",
            "eor x28, x30, #0x1",
            "ands x8, x9, #0x8000000000000000",
            "tst x10, #0x7",
            "tst x15, #0xf0f0f0f0f0f0f0f",
            "and x0, x0, #0x7fffffffffffffff",
            "orr x1, x1, #0x3333333333333333",
            "and x2, x2, #0xaaaaaaaaaaaaaaaa",
            "orr x3, x3, #0xffff0000ffff0000",
            "eor x4, x4, #0xffff0000ffff00",
            "and x5, x5, #0xc000000000000003",
            "tst x6, #0xffffffff00000000",
        ],
    );
}

#[test]
fn shifts_and_bitfields() {
    check(
        |a| {
            a.lsl_imm(X0, X1, 1);
            a.lsl_imm(X2, X3, 63);
            a.lsl_imm(X28, X30, 32);
            a.lsr_imm(X4, X5, 0);
            a.lsr_imm(X6, X7, 63);
            a.asr_imm(X8, X9, 1);
            a.asr_imm(X10, X11, 63);
            a.ubfx(X0, X1, 3, 8);
            a.sbfx(X2, X3, 4, 16);
            a.ubfx(X4, X5, 0, 32);
            a.sxtw(X6, X7);
            a.uxtw(X8, X9);
            a.lsl(X0, X1, X2);
            a.lsr(X3, X4, X5);
            a.asr(X15, X28, X30);
            a.ror(X6, X7, X8);
        },
        &[
            "lsl x0, x1, #1",
            "lsl x2, x3, #63",
            "lsl x28, x30, #32",
            "lsr x4, x5, #0",
            "lsr x6, x7, #63",
            "asr x8, x9, #1",
            "asr x10, x11, #63",
            "ubfx x0, x1, #3, #8",
            "sbfx x2, x3, #4, #16",
            "ubfx x4, x5, #0, #32",
            "sxtw x6, w7",
            "mov w8, w9",
            "lsl x0, x1, x2",
            "lsr x3, x4, x5",
            "asr x15, x28, x30",
            "ror x6, x7, x8",
        ],
    );
}

#[test]
fn multiply_divide() {
    check(
        |a| {
            a.mul(X0, X1, X2);
            a.mul(X28, X30, X15);
            a.madd(X3, X4, X5, X6);
            a.msub(X7, X8, X9, X10);
            a.smulh(X11, X12, X13);
            a.umulh(X14, X15, X28);
            a.smull(X30, X0, X1);
            a.sdiv(X2, X3, X4);
            a.udiv(X5, X6, X7);
        },
        &[
            "mul x0, x1, x2",
            "mul x28, x30, x15",
            "madd x3, x4, x5, x6",
            "msub x7, x8, x9, x10",
            "smulh x11, x12, x13",
            "umulh x14, x15, x28",
            "smull x30, w0, w1",
            "sdiv x2, x3, x4",
            "udiv x5, x6, x7",
        ],
    );
}

/// objdump's names for the conditions (HS and LO print as their synonyms CS and CC).
const CONDS: [(Cond, &str); 14] = [
    (Cond::EQ, "eq"),
    (Cond::NE, "ne"),
    (Cond::HS, "cs"),
    (Cond::LO, "cc"),
    (Cond::MI, "mi"),
    (Cond::PL, "pl"),
    (Cond::VS, "vs"),
    (Cond::VC, "vc"),
    (Cond::HI, "hi"),
    (Cond::LS, "ls"),
    (Cond::GE, "ge"),
    (Cond::LT, "lt"),
    (Cond::GT, "gt"),
    (Cond::LE, "le"),
];

#[test]
fn conditional_select() {
    let mut expected = vec![
        "csel x0, x1, x2, eq".to_string(),
        "csel x28, x30, xzr, lt".into(),
        "csinc x3, x4, x5, ne".into(),
        "csinv x6, x7, x8, gt".into(),
        "csneg x9, x10, x11, le".into(),
        "csetm x12, hi".into(),
    ];
    for (_, name) in CONDS {
        expected.push(format!("cset x15, {name}"));
    }
    check(
        |a| {
            a.csel(X0, X1, X2, Cond::EQ);
            a.csel(X28, X30, XZR, Cond::LT);
            a.csinc(X3, X4, X5, Cond::NE);
            a.csinv(X6, X7, X8, Cond::GT);
            a.csneg(X9, X10, X11, Cond::LE);
            a.csetm(X12, Cond::HI);
            for (c, _) in CONDS {
                a.cset(X15, c);
            }
        },
        &expected,
    );
}

#[test]
fn cond_invert_pairs() {
    use Cond::*;
    let pairs = [(EQ, NE), (HS, LO), (MI, PL), (VS, VC), (HI, LS), (GE, LT), (GT, LE)];
    for (a, b) in pairs {
        assert_eq!(a.invert(), b);
        assert_eq!(b.invert(), a);
    }
    assert_eq!(Cond::CS, HS);
    assert_eq!(Cond::CC, LO);
}

#[test]
fn loads_and_stores_immediate() {
    check(
        |a| {
            a.ldr_x(X0, X1, 0);
            a.ldr_x(X15, SP, 8);
            a.ldr_x(X28, X30, 32760);
            a.ldr_x(X0, X1, -8);
            a.ldr_x(X2, X3, -256);
            a.ldr_x(X4, X5, 255);
            a.ldr_x(X6, X7, 12);
            a.str_x(X30, SP, 16);
            a.str_x(XZR, X2, 0);
            a.str_x(X3, X4, -8);
            a.str_x(X3, X4, 32760);
            a.ldr_w(X0, X1, 4);
            a.ldr_w(X2, X3, 16380);
            a.ldr_w(X4, X5, -4);
            a.ldr_w(X4, X5, 2);
            a.str_w(X6, SP, 0);
            a.str_w(XZR, X7, 8);
            a.str_w(X8, X9, -256);
            a.ldrsw(X8, X9, 4);
            a.ldrsw(X8, X9, -4);
            a.ldrh(X10, X11, 2);
            a.ldrh(X10, X11, 8190);
            a.strh(X12, X13, -2);
            a.strh(X12, X13, 0);
            a.ldrb(X0, X1, 0);
            a.ldrb(X2, X3, 4095);
            a.ldrb(X4, X5, -1);
            a.strb(X6, X7, 255);
            a.strb(X8, SP, -256);
            a.ldur_x(X0, X1, 8);
            a.stur_x(X2, X3, -256);
            a.ldur_w(X4, X5, 255);
            a.stur_w(X6, X7, 0);
            a.ldurb(X8, X9, 1);
            a.sturb(X10, SP, -8);
        },
        &[
            "ldr x0, [x1]",
            "ldr x15, [sp, #8]",
            "ldr x28, [x30, #32760]",
            "ldur x0, [x1, #-8]",
            "ldur x2, [x3, #-256]",
            "ldur x4, [x5, #255]",
            "ldur x6, [x7, #12]",
            "str x30, [sp, #16]",
            "str xzr, [x2]",
            "stur x3, [x4, #-8]",
            "str x3, [x4, #32760]",
            "ldr w0, [x1, #4]",
            "ldr w2, [x3, #16380]",
            "ldur w4, [x5, #-4]",
            "ldur w4, [x5, #2]",
            "str w6, [sp]",
            "str wzr, [x7, #8]",
            "stur w8, [x9, #-256]",
            "ldrsw x8, [x9, #4]",
            "ldursw x8, [x9, #-4]",
            "ldrh w10, [x11, #2]",
            "ldrh w10, [x11, #8190]",
            "sturh w12, [x13, #-2]",
            "strh w12, [x13]",
            "ldrb w0, [x1]",
            "ldrb w2, [x3, #4095]",
            "ldurb w4, [x5, #-1]",
            "strb w6, [x7, #255]",
            "sturb w8, [sp, #-256]",
            "ldur x0, [x1, #8]",
            "stur x2, [x3, #-256]",
            "ldur w4, [x5, #255]",
            "stur w6, [x7]",
            "ldurb w8, [x9, #1]",
            "sturb w10, [sp, #-8]",
        ],
    );
}

#[test]
fn loads_and_stores_register_and_writeback() {
    check(
        |a| {
            a.ldr_x_reg(X0, X1, X2, true);
            a.ldr_x_reg(X3, SP, X4, false);
            a.str_x_reg(X30, X28, X15, true);
            a.str_x_reg(X5, X6, X7, false);
            a.ldr_w_reg(X0, X1, X2, true);
            a.str_w_reg(X3, X4, X5, false);
            a.ldrb_reg(X6, X7, X8);
            a.strb_reg(X9, X10, X11);
            a.ldr_d_reg(D0, X1, X2, true);
            a.str_d_reg(D31, X3, X4, false);
            a.str_x_pre(X0, SP, -16);
            a.ldr_x_post(X0, SP, 16);
            a.ldr_x_pre(X1, X2, 8);
            a.str_x_post(X3, X4, -256);
            a.str_x_pre(X30, SP, 255);
        },
        &[
            "ldr x0, [x1, x2, lsl #3]",
            "ldr x3, [sp, x4]",
            "str x30, [x28, x15, lsl #3]",
            "str x5, [x6, x7]",
            "ldr w0, [x1, x2, lsl #2]",
            "str w3, [x4, x5]",
            "ldrb w6, [x7, x8]",
            "strb w9, [x10, x11]",
            "ldr d0, [x1, x2, lsl #3]",
            "str d31, [x3, x4]",
            "str x0, [sp, #-16]!",
            "ldr x0, [sp], #16",
            "ldr x1, [x2, #8]!",
            "str x3, [x4], #-256",
            "str x30, [sp, #255]!",
        ],
    );
}

#[test]
fn load_store_pairs() {
    check(
        |a| {
            a.stp_x_pre(X29, X30, SP, -16);
            a.ldp_x_post(X29, X30, SP, 16);
            a.stp_x(X19, X20, SP, 16);
            a.ldp_x(X27, X28, SP, 0);
            a.stp_x(X0, X1, X2, -512);
            a.ldp_x(X3, X4, X5, 504);
            a.ldp_x_pre(X6, X7, X8, -8);
            a.stp_x_post(X9, X10, X11, 504);
            a.stp_x(XZR, XZR, SP, 8);
            a.stp_d(D8, D9, SP, 16);
            a.ldp_d(D14, D15, SP, 504);
            a.stp_d_pre(D0, D31, SP, -512);
            a.ldp_d_post(D8, D9, SP, 64);
        },
        &[
            "stp x29, x30, [sp, #-16]!",
            "ldp x29, x30, [sp], #16",
            "stp x19, x20, [sp, #16]",
            "ldp x27, x28, [sp]",
            "stp x0, x1, [x2, #-512]",
            "ldp x3, x4, [x5, #504]",
            "ldp x6, x7, [x8, #-8]!",
            "stp x9, x10, [x11], #504",
            "stp xzr, xzr, [sp, #8]",
            "stp d8, d9, [sp, #16]",
            "ldp d14, d15, [sp, #504]",
            "stp d0, d31, [sp, #-512]!",
            "ldp d8, d9, [sp], #64",
        ],
    );
}

#[test]
fn branches_labels_and_system() {
    // Layout: `top` at 0, `end` at 0x90 (36 words): forward and backward fixups, several
    // to one label.
    let mut expected: Vec<String> = vec!["nop".into(), "b 0x90".into(), "bl 0x0".into()];
    for (_, name) in CONDS {
        expected.push(format!("b.{name} 0x0"));
    }
    expected.extend(
        [
            "cbz x0, 0x90",
            "cbnz x30, 0x0",
            "tbz w0, #0, 0x90",
            "tbz w15, #31, 0x0",
            "tbnz x28, #32, 0x90",
            "tbnz x30, #63, 0x0",
            "br x16",
            "blr x0",
            "ret",
            "ret x1",
            "brk #0x0",
            "brk #0xf000",
            "dmb ish",
            "dsb ish",
            "isb",
            "adr x0, 0x0",
            "adr x1, 0x90",
            "ldr x2, 0x90",
            "ldr d3, 0x90",
            "b 0x90",
        ]
        .map(String::from),
    );
    check(
        |a| {
            let top = a.new_label();
            let end = a.new_label();
            a.bind(top);
            a.nop();
            a.b(end);
            a.bl(top);
            for (c, _) in CONDS {
                a.b_cond(c, top);
            }
            a.cbz(X0, end);
            a.cbnz(X30, top);
            a.tbz(X0, 0, end);
            a.tbz(X15, 31, top);
            a.tbnz(X28, 32, end);
            a.tbnz(X30, 63, top);
            a.br(X16);
            a.blr(X0);
            a.ret();
            a.ret_to(X1);
            a.brk(0);
            a.brk(0xf000);
            a.dmb_ish();
            a.dsb_ish();
            a.isb();
            a.adr(X0, top);
            a.adr(X1, end);
            a.ldr_x_lit(X2, end);
            a.ldr_d_lit(D3, end);
            assert_eq!(a.offset(), 0x90);
            a.bind(end);
            a.b(end);
        },
        &expected,
    );
}

#[test]
fn fp_arithmetic() {
    check(
        |a| {
            a.fadd(D0, D1, D2);
            a.fsub(D31, D30, D29);
            a.fmul(D8, D15, D16);
            a.fdiv(D3, D4, D5);
            a.fmax(D6, D7, D8);
            a.fmin(D9, D10, D11);
            a.fmaxnm(D12, D13, D14);
            a.fminnm(D15, D16, D17);
            a.fsqrt(D12, D13);
            a.fneg(D14, D15);
            a.fabs(D31, D0);
            a.frintm(D1, D2);
            a.frintp(D3, D4);
            a.frintz(D5, D6);
            a.frintn(D7, D8);
        },
        &[
            "fadd d0, d1, d2",
            "fsub d31, d30, d29",
            "fmul d8, d15, d16",
            "fdiv d3, d4, d5",
            "fmax d6, d7, d8",
            "fmin d9, d10, d11",
            "fmaxnm d12, d13, d14",
            "fminnm d15, d16, d17",
            "fsqrt d12, d13",
            "fneg d14, d15",
            "fabs d31, d0",
            "frintm d1, d2",
            "frintp d3, d4",
            "frintz d5, d6",
            "frintn d7, d8",
        ],
    );
}

#[test]
fn fp_moves_conversions_compares() {
    check(
        |a| {
            a.fmov(D0, D31);
            a.fmov_from_x(D1, X2);
            a.fmov_from_x(D3, XZR);
            a.fmov_to_x(X4, D5);
            a.fmov_to_x(X30, D31);
            a.fmov_imm(D6, 1.0);
            a.fmov_imm(D7, -0.5);
            a.fmov_imm(D8, 31.0);
            a.fmov_imm(D9, 0.125);
            a.fcmp(D0, D1);
            a.fcmp(D31, D15);
            a.fcmp_zero(D31);
            a.fcsel(D0, D1, D2, Cond::MI);
            a.scvtf(D0, X1);
            a.scvtf(D31, X30);
            a.ucvtf(D2, X3);
            a.fcvtzs(X4, D5);
            a.fcvtzs(X28, D31);
            a.fcvtzu(X6, D7);
            a.fcvtms(X0, D1);
            a.fcvtns(X2, D3);
        },
        &[
            "fmov d0, d31",
            "fmov d1, x2",
            "fmov d3, xzr",
            "fmov x4, d5",
            "fmov x30, d31",
            "fmov d6, #1.000000000000000000e+00",
            "fmov d7, #-5.000000000000000000e-01",
            "fmov d8, #3.100000000000000000e+01",
            "fmov d9, #1.250000000000000000e-01",
            "fcmp d0, d1",
            "fcmp d31, d15",
            "fcmp d31, #0.0",
            "fcsel d0, d1, d2, mi",
            "scvtf d0, x1",
            "scvtf d31, x30",
            "ucvtf d2, x3",
            "fcvtzs x4, d5",
            "fcvtzs x28, d31",
            "fcvtzu x6, d7",
            "fcvtms x0, d1",
            "fcvtns x2, d3",
        ],
    );
}

#[test]
fn fp_loads_and_stores() {
    check(
        |a| {
            a.ldr_d(D0, X1, 0);
            a.ldr_d(D31, SP, 32760);
            a.ldr_d(D2, X3, -8);
            a.str_d(D4, X5, 8);
            a.str_d(D6, X7, -256);
            a.str_d(D8, X9, 255);
            a.ldur_d(D10, X11, 16);
            a.stur_d(D12, X13, -1);
            a.ldr_d(D14, X14, 4);
        },
        &[
            "ldr d0, [x1]",
            "ldr d31, [sp, #32760]",
            "ldur d2, [x3, #-8]",
            "str d4, [x5, #8]",
            "stur d6, [x7, #-256]",
            "stur d8, [x9, #255]",
            "ldur d10, [x11, #16]",
            "stur d12, [x13, #-1]",
            "ldur d14, [x14, #4]",
        ],
    );
}

/// A `tbz`/`b.cond`/`cbz` to a label `words` instructions further on.
fn forward_over(words: usize, emit: impl FnOnce(&mut Asm, crate::buffer::Label)) -> Result<Vec<u8>, OutOfRange> {
    let mut a = Asm::new();
    let l = a.new_label();
    emit(&mut a, l);
    for _ in 0..words {
        a.nop();
    }
    a.bind(l);
    a.finish()
}

#[test]
fn finish_reports_out_of_range_fixups() {
    // tbz reaches +32764 bytes: 1 + 8190 words; one word more is out of range.
    assert!(forward_over(8190, |a, l| a.tbz(X0, 3, l)).is_ok());
    assert_eq!(
        forward_over(8191, |a, l| a.tbnz(X0, 3, l)),
        Err(OutOfRange { at: 0, target: 32768 })
    );
    // b.cond / cbz reach +1 MiB - 4.
    let words = (1 << 18) - 2;
    assert!(forward_over(words, |a, l| a.b_cond(Cond::VS, l)).is_ok());
    assert_eq!(
        forward_over(words + 1, |a, l| a.cbz(X1, l)),
        Err(OutOfRange { at: 0, target: 1 << 20 })
    );
    assert!(forward_over(words + 1, |a, l| a.b(l)).is_ok());
    // Backwards: tbz reaches -32768.
    let back = |words: usize| {
        let mut a = Asm::new();
        let l = a.new_label();
        a.bind(l);
        for _ in 0..words {
            a.nop();
        }
        a.tbz(X0, 63, l);
        a.finish()
    };
    assert!(back(8192).is_ok());
    assert_eq!(back(8193), Err(OutOfRange { at: 32772, target: 0 }));
}

#[test]
fn patch_branch_ranges() {
    // For each kind: a branch at `at = range` retargeted to exactly -range and +range-4
    // (both fine; checked by objdump below), then to one word beyond each (Err, unchanged).
    let kinds: [(u32, usize, &str); 4] = [
        (0x1400_0000, 1 << 27, "b"),        // b
        (0x5400_0001, 1 << 20, "b.ne"),     // b.ne
        (0xb500_0007, 1 << 20, "cbnz x7,"), // cbnz x7
        (0x3600_0005, 1 << 15, "tbz w5, #0,"), // tbz w5, #0
    ];
    let base = 0x1000_0000usize; // objdump shows words at base, base+4, ...
    let mut words = vec![];
    let mut expected = vec![];
    for (word, range, text) in kinds {
        let at = range + 4;
        let mut code = vec![0u8; at + 4];
        code[at..].copy_from_slice(&word.to_le_bytes());
        for target in [at - range, at + range - 4] {
            patch_branch(&mut code, at, target).unwrap();
            let w = u32::from_le_bytes(code[at..at + 4].try_into().unwrap());
            // Shown at `base + 4*i`, the same displacement lands at base + 4*i + disp.
            let shown_at = base + 4 * words.len();
            words.push(w);
            expected.push(format!("{text} {:#x}", shown_at + target - at));
            let before = code[at..at + 4].to_vec();
            assert_eq!(
                patch_branch(&mut code, at, at + range),
                Err(OutOfRange { at: at as u32, target: (at + range) as u32 })
            );
            assert_eq!(patch_branch(&mut code, at, at - range - 4).map_err(|e| e.target), Err(0));
            assert_eq!(code[at..at + 4], before[..], "an out-of-range patch writes nothing");
        }
    }
    let code: Vec<u8> = words.iter().flat_map(|w| w.to_le_bytes()).collect();
    check_code_at(&code, base as u64, &expected);
}

#[test]
fn patch_branch_retargets_each_kind() {
    let mut a = Asm::new();
    let exit = a.new_label();
    a.b_cond(Cond::NE, exit); // 0
    a.b(exit); // 4
    a.cbz(X3, exit); // 8
    a.tbnz(X4, 40, exit); // 12
    a.bl(exit); // 16
    a.cbnz(X5, exit); // 20
    a.bind(exit);
    a.nop(); // 24
    a.nop(); // 28
    let mut code = a.finish().unwrap();
    patch_branch(&mut code, 0, 28).unwrap();
    patch_branch(&mut code, 4, 0x40_0000).unwrap();
    patch_branch(&mut code, 8, 0).unwrap();
    patch_branch(&mut code, 12, 4).unwrap();
    patch_branch(&mut code, 16, 0x7ff_fffc + 16).unwrap();
    // Out of range for cbnz: Err and nothing written.
    assert!(patch_branch(&mut code, 20, 20 + (1 << 20)).is_err());
    let expected: Vec<String> = [
        "b.ne 0x1c",
        "b 0x400000",
        "cbz x3, 0x0",
        "tbnz x4, #40, 0x4",
        "bl 0x800000c",
        "cbnz x5, 0x18",
        "nop",
        "nop",
    ]
    .map(String::from)
    .to_vec();
    check_code_at(&code, 0, &expected);
}

#[test]
#[should_panic(expected = "not a b/bl/b.cond")]
fn patch_branch_rejects_other_instructions() {
    let mut a = Asm::new();
    a.nop();
    let mut code = a.finish().unwrap();
    let _ = patch_branch(&mut code, 0, 0);
}

#[test]
fn register_31_is_checked_per_operand() {
    fn panics(f: impl FnOnce(&mut Asm) + std::panic::UnwindSafe) -> bool {
        std::panic::catch_unwind(|| {
            let mut a = Asm::new();
            f(&mut a);
        })
        .is_err()
    }
    // SP where the instruction reads register 31 as XZR.
    assert!(panics(|a| a.add(X0, SP, X1)));
    assert!(panics(|a| a.orr(SP, X0, X1)));
    assert!(panics(|a| a.adds_imm(SP, X0, 1)));
    assert!(panics(|a| a.ands_imm(SP, X0, 1)));
    assert!(panics(|a| a.ldr_x(SP, X0, 0)));
    assert!(panics(|a| a.mul(X0, X1, SP)));
    assert!(panics(|a| a.mov_imm(SP, 5)));
    assert!(panics(|a| a.cset(SP, Cond::EQ)));
    // XZR where it reads register 31 as SP.
    assert!(panics(|a| a.add_imm(XZR, X0, 1)));
    assert!(panics(|a| a.sub_imm(X0, XZR, 1)));
    assert!(panics(|a| a.ldr_x(X0, XZR, 0)));
    assert!(panics(|a| a.stp_x(X0, X1, XZR, 0)));
    assert!(panics(|a| a.and_imm(XZR, X0, 1)));
    // Neither.
    assert!(panics(|a| a.br(XZR)));
    assert!(panics(|a| a.blr(SP)));
    // Immediates that do not encode.
    assert!(panics(|a| a.add_imm(X0, X1, 4097)));
    assert!(panics(|a| a.and_imm(X0, X1, 0x1234)));
    assert!(panics(|a| a.ldr_x(X0, X1, 32768)));
    assert!(panics(|a| a.ldr_x(X0, X1, -257)));
    assert!(panics(|a| a.stp_x(X0, X1, SP, 4)));
    assert!(panics(|a| a.fmov_imm(D0, 0.0)));
    assert!(panics(|a| a.ldr_x_pre(X1, X1, 8)));
    // Allowed combinations do not panic.
    assert!(!panics(|a| a.add_imm(SP, SP, 16)));
    assert!(!panics(|a| a.add(X0, X1, XZR)));
    assert!(!panics(|a| a.ldr_x(XZR, SP, 8)));
    assert!(!panics(|a| a.ldr_x_pre(X1, SP, 8)));
}
