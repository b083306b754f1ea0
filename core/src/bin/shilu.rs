fn main() {
    let path = std::env::args().nth(2).expect("usage: shilu parse FILE");
    let text = std::fs::read_to_string(path).expect("read");
    println!("{}", serde_json::to_string_pretty(&shilu_core::parse(&text)).unwrap());
}
