//! Parses the built-in templates at build time and writes Rust code that rebuilds each one's tera
//! syntax tree, so a run does not parse them again. Parsing was most of a small run: tera's
//! parser takes about 2 ms for `brief.html.tera` alone, rebuilding the tree takes microseconds.
//! Overrides from `--templates` are still parsed at run time; the unit test
//! `report::templates::tests::prebuilt_templates_match_the_parser` checks that the code written
//! here gives the very tree that `tera::Template::new` gives.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;

use tera::ast::{
    Block, Expr, ExprVal, FunctionCall, If, LogicOperator, MacroDefinition, MathOperator, Node, WS,
};

fn main() {
    println!("cargo:rerun-if-changed=templates");
    println!("cargo:rerun-if-changed=build.rs");
    let dir = Path::new("templates");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("the templates folder")
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".tera"))
        .collect();
    names.sort();
    let mut code = String::from(
        "// Written by build.rs from templates/*.tera: the parsed templates. Do not edit.\n\n",
    );
    code.push_str("/// The built-in template of this name, already parsed.\n");
    code.push_str("pub fn template(name: &str) -> Option<tera::Template> {\n    match name {\n");
    for (index, name) in names.iter().enumerate() {
        writeln!(code, "        {name:?} => Some(template_{index}()),").unwrap();
    }
    code.push_str("        _ => None,\n    }\n}\n");
    for (index, name) in names.iter().enumerate() {
        let text = std::fs::read_to_string(dir.join(name)).expect("a readable template");
        let template = tera::Template::new(name, None, &text)
            .unwrap_or_else(|error| panic!("templates/{name} does not parse: {error:?}"));
        writeln!(code, "\nfn template_{index}() -> tera::Template {{").unwrap();
        code.push_str("    tera::Template {\n");
        writeln!(code, "        name: {:?}.to_string(),", template.name).unwrap();
        code.push_str("        path: None,\n");
        code.push_str("        ast: ");
        nodes(&mut code, &template.ast);
        code.push_str(",\n        from_extend: false,\n        macros: ");
        map(&mut code, &template.macros, macro_definition);
        code.push_str(",\n        imported_macro_files: vec![");
        for (file, namespace) in &template.imported_macro_files {
            write!(code, "({}, {}),", s(file), s(namespace)).unwrap();
        }
        code.push_str("],\n        parent: ");
        option(&mut code, &template.parent, |code, p| code.push_str(&s(p)));
        code.push_str(",\n        blocks: ");
        map(&mut code, &template.blocks, block);
        code.push_str(",\n        parents: Vec::new(),\n");
        code.push_str("        blocks_definitions: std::collections::HashMap::new(),\n    }\n}\n");
    }
    let out = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("prebuilt_templates.rs");
    std::fs::write(out, code).expect("writing the prebuilt templates");
}

fn s(text: &str) -> String {
    format!("{text:?}.to_string()")
}

fn option<T>(code: &mut String, value: &Option<T>, some: impl Fn(&mut String, &T)) {
    match value {
        Some(value) => {
            code.push_str("Some(");
            some(code, value);
            code.push(')');
        }
        None => code.push_str("None"),
    }
}

/// A map with its keys sorted, so the generated file is the same on every build.
fn map<T>(code: &mut String, map: &HashMap<String, T>, value: impl Fn(&mut String, &T)) {
    let mut keys: Vec<&String> = map.keys().collect();
    keys.sort();
    code.push_str("std::collections::HashMap::from([");
    for key in keys {
        write!(code, "({}, ", s(key)).unwrap();
        value(code, &map[key]);
        code.push_str("),");
    }
    code.push_str("])");
}

fn list<T>(code: &mut String, items: &[T], item: impl Fn(&mut String, &T)) {
    code.push_str("vec![");
    for x in items {
        item(code, x);
        code.push(',');
    }
    code.push(']');
}

fn ws(code: &mut String, ws: &WS) {
    write!(
        code,
        "tera::ast::WS {{ left: {}, right: {} }}",
        ws.left, ws.right
    )
    .unwrap();
}

fn nodes(code: &mut String, body: &[Node]) {
    list(code, body, node);
}

fn node(code: &mut String, node: &Node) {
    code.push_str("tera::ast::Node::");
    match node {
        Node::Super => code.push_str("Super"),
        Node::Text(text) => write!(code, "Text({})", s(text)).unwrap(),
        Node::VariableBlock(w, e) => {
            code.push_str("VariableBlock(");
            ws(code, w);
            code.push(',');
            expr(code, e);
            code.push(')');
        }
        Node::MacroDefinition(w1, m, w2) => {
            code.push_str("MacroDefinition(");
            ws(code, w1);
            code.push(',');
            macro_definition(code, m);
            code.push(',');
            ws(code, w2);
            code.push(')');
        }
        Node::Extends(w, name) => {
            code.push_str("Extends(");
            ws(code, w);
            write!(code, ", {})", s(name)).unwrap();
        }
        Node::Include(w, names, ignore_missing) => {
            code.push_str("Include(");
            ws(code, w);
            code.push(',');
            list(code, names, |code, n| code.push_str(&s(n)));
            write!(code, ", {ignore_missing})").unwrap();
        }
        Node::ImportMacro(w, file, namespace) => {
            code.push_str("ImportMacro(");
            ws(code, w);
            write!(code, ", {}, {})", s(file), s(namespace)).unwrap();
        }
        Node::Set(w, set) => {
            code.push_str("Set(");
            ws(code, w);
            write!(code, ", tera::ast::Set {{ key: {}, value: ", s(&set.key)).unwrap();
            expr(code, &set.value);
            write!(code, ", global: {} }})", set.global).unwrap();
        }
        Node::Raw(w1, text, w2) => {
            code.push_str("Raw(");
            ws(code, w1);
            write!(code, ", {}, ", s(text)).unwrap();
            ws(code, w2);
            code.push(')');
        }
        Node::FilterSection(w1, section, w2) => {
            code.push_str("FilterSection(");
            ws(code, w1);
            code.push_str(", tera::ast::FilterSection { filter: ");
            function_call(code, &section.filter);
            code.push_str(", body: ");
            nodes(code, &section.body);
            code.push_str(" }, ");
            ws(code, w2);
            code.push(')');
        }
        Node::Block(w1, b, w2) => {
            code.push_str("Block(");
            ws(code, w1);
            code.push(',');
            block(code, b);
            code.push(',');
            ws(code, w2);
            code.push(')');
        }
        Node::Forloop(w1, f, w2) => {
            code.push_str("Forloop(");
            ws(code, w1);
            code.push_str(", tera::ast::Forloop { key: ");
            option(code, &f.key, |code, k| code.push_str(&s(k)));
            write!(code, ", value: {}, container: ", s(&f.value)).unwrap();
            expr(code, &f.container);
            code.push_str(", body: ");
            nodes(code, &f.body);
            code.push_str(", empty_body: ");
            option(code, &f.empty_body, |code, b| nodes(code, b));
            code.push_str(" }, ");
            ws(code, w2);
            code.push(')');
        }
        Node::If(i, w) => {
            code.push_str("If(");
            if_node(code, i);
            code.push(',');
            ws(code, w);
            code.push(')');
        }
        Node::Break(w) => {
            code.push_str("Break(");
            ws(code, w);
            code.push(')');
        }
        Node::Continue(w) => {
            code.push_str("Continue(");
            ws(code, w);
            code.push(')');
        }
        Node::Comment(w, text) => {
            code.push_str("Comment(");
            ws(code, w);
            write!(code, ", {})", s(text)).unwrap();
        }
    }
}

fn if_node(code: &mut String, node: &If) {
    code.push_str("tera::ast::If { conditions: ");
    list(code, &node.conditions, |code, (w, e, body)| {
        code.push('(');
        ws(code, w);
        code.push(',');
        expr(code, e);
        code.push(',');
        nodes(code, body);
        code.push(')');
    });
    code.push_str(", otherwise: ");
    option(code, &node.otherwise, |code, (w, body)| {
        code.push('(');
        ws(code, w);
        code.push(',');
        nodes(code, body);
        code.push(')');
    });
    code.push_str(" }");
}

fn block(code: &mut String, block: &Block) {
    write!(code, "tera::ast::Block {{ name: {}, body: ", s(&block.name)).unwrap();
    nodes(code, &block.body);
    code.push_str(" }");
}

fn macro_definition(code: &mut String, m: &MacroDefinition) {
    write!(
        code,
        "tera::ast::MacroDefinition {{ name: {}, args: ",
        s(&m.name)
    )
    .unwrap();
    map(code, &m.args, |code, default| option(code, default, expr));
    code.push_str(", body: ");
    nodes(code, &m.body);
    code.push_str(" }");
}

fn function_call(code: &mut String, call: &FunctionCall) {
    write!(
        code,
        "tera::ast::FunctionCall {{ name: {}, args: ",
        s(&call.name)
    )
    .unwrap();
    map(code, &call.args, expr);
    code.push_str(" }");
}

fn expr(code: &mut String, e: &Expr) {
    code.push_str("tera::ast::Expr { val: ");
    expr_val(code, &e.val);
    write!(code, ", negated: {}, filters: ", e.negated).unwrap();
    list(code, &e.filters, function_call);
    code.push_str(" }");
}

fn boxed(code: &mut String, e: &Expr) {
    code.push_str("Box::new(");
    expr(code, e);
    code.push(')');
}

fn expr_val(code: &mut String, val: &ExprVal) {
    code.push_str("tera::ast::ExprVal::");
    match val {
        ExprVal::String(text) => write!(code, "String({})", s(text)).unwrap(),
        ExprVal::Int(n) => write!(code, "Int({n}_i64)").unwrap(),
        ExprVal::Float(x) => write!(code, "Float({x:?}_f64)").unwrap(),
        ExprVal::Bool(b) => write!(code, "Bool({b})").unwrap(),
        ExprVal::Ident(name) => write!(code, "Ident({})", s(name)).unwrap(),
        ExprVal::Math(m) => {
            code.push_str("Math(tera::ast::MathExpr { lhs: ");
            boxed(code, &m.lhs);
            code.push_str(", rhs: ");
            boxed(code, &m.rhs);
            let op = match m.operator {
                MathOperator::Add => "Add",
                MathOperator::Sub => "Sub",
                MathOperator::Mul => "Mul",
                MathOperator::Div => "Div",
                MathOperator::Modulo => "Modulo",
            };
            write!(code, ", operator: tera::ast::MathOperator::{op} }})").unwrap();
        }
        ExprVal::Logic(l) => {
            code.push_str("Logic(tera::ast::LogicExpr { lhs: ");
            boxed(code, &l.lhs);
            code.push_str(", rhs: ");
            boxed(code, &l.rhs);
            let op = match l.operator {
                LogicOperator::Gt => "Gt",
                LogicOperator::Gte => "Gte",
                LogicOperator::Lt => "Lt",
                LogicOperator::Lte => "Lte",
                LogicOperator::Eq => "Eq",
                LogicOperator::NotEq => "NotEq",
                LogicOperator::And => "And",
                LogicOperator::Or => "Or",
            };
            write!(code, ", operator: tera::ast::LogicOperator::{op} }})").unwrap();
        }
        ExprVal::Test(t) => {
            write!(
                code,
                "Test(tera::ast::Test {{ ident: {}, negated: {}, name: {}, args: ",
                s(&t.ident),
                t.negated,
                s(&t.name)
            )
            .unwrap();
            list(code, &t.args, expr);
            code.push_str(" })");
        }
        ExprVal::MacroCall(m) => {
            write!(
                code,
                "MacroCall(tera::ast::MacroCall {{ namespace: {}, name: {}, args: ",
                s(&m.namespace),
                s(&m.name)
            )
            .unwrap();
            map(code, &m.args, expr);
            code.push_str(" })");
        }
        ExprVal::FunctionCall(call) => {
            code.push_str("FunctionCall(");
            function_call(code, call);
            code.push(')');
        }
        ExprVal::Array(items) => {
            code.push_str("Array(");
            list(code, items, expr);
            code.push(')');
        }
        ExprVal::StringConcat(concat) => {
            code.push_str("StringConcat(tera::ast::StringConcat { values: ");
            list(code, &concat.values, expr_val);
            code.push_str(" })");
        }
        ExprVal::In(i) => {
            code.push_str("In(tera::ast::In { lhs: ");
            boxed(code, &i.lhs);
            code.push_str(", rhs: ");
            boxed(code, &i.rhs);
            write!(code, ", negated: {} }})", i.negated).unwrap();
        }
    }
}
