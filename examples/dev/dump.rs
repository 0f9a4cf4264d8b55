fn main() {
    let path = std::env::args().nth(1).unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    let (file, diags) = edaran::syntax::parse_file(edaran::FileId(0), &text);
    println!("items: {}", file.items.len());
    for d in diags { println!("{} {:?} {} | {:?} | {:?}", d.code, d.span.text(&text), d.message, d.label, d.help); }
}
