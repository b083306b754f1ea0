//! Groups a turn's blocks into foldable sections: a heading owns what follows
//! it until a heading of the same or a higher level; an outline item owns the
//! deeper items right after it.

use crate::model::{Block, BlockKind};

/// A node of a turn's outline, by index into the turn's blocks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// A block that owns nothing.
    Leaf(usize),
    /// A block that heads the nodes in `body`.
    Section { head: usize, body: Vec<Node> },
}

impl Node {
    /// Index of the block this node starts with.
    pub fn head(&self) -> usize {
        match self {
            Node::Leaf(i) | Node::Section { head: i, .. } => *i,
        }
    }
}

/// Whether `next` belongs under a block `head`.
fn owns(head: &Block, next: &Block) -> bool {
    match head.kind {
        BlockKind::Heading if head.level > 0 => {
            !(next.kind == BlockKind::Heading && next.level <= head.level)
        }
        BlockKind::Item if head.level > 0 => {
            matches!(next.kind, BlockKind::Item | BlockKind::Heading) && next.level > head.level
        }
        _ => false,
    }
}

/// The outline of a sequence of blocks.
pub fn outline(blocks: &[Block]) -> Vec<Node> {
    let mut pos = 0;
    let mut out = Vec::new();
    while pos < blocks.len() {
        out.push(node_at(blocks, &mut pos));
    }
    out
}

fn node_at(blocks: &[Block], pos: &mut usize) -> Node {
    let head = *pos;
    *pos += 1;
    let mut body = Vec::new();
    while *pos < blocks.len() && owns(&blocks[head], &blocks[*pos]) {
        body.push(node_at(blocks, pos));
    }
    if body.is_empty() {
        Node::Leaf(head)
    } else {
        Node::Section { head, body }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(kind: BlockKind, level: u8) -> Block {
        Block {
            id: String::new(),
            kind,
            level,
            marker: None,
            heading: None,
            text: String::new(),
            note: None,
            lead_unit: None,
        }
    }

    #[test]
    fn headings_own_until_the_next_peer() {
        use BlockKind::*;
        let blocks = [
            block(Paragraph, 0),
            block(Heading, 1),
            block(Paragraph, 0),
            block(Heading, 1),
            block(Item, 2),
            block(Item, 2),
            block(Item, 3),
            block(Item, 3),
            block(Item, 2),
            block(Paragraph, 0),
        ];
        let o = outline(&blocks);
        assert_eq!(
            o,
            vec![
                Node::Leaf(0),
                Node::Section {
                    head: 1,
                    body: vec![Node::Leaf(2)]
                },
                Node::Section {
                    head: 3,
                    body: vec![
                        Node::Leaf(4),
                        Node::Section {
                            head: 5,
                            body: vec![Node::Leaf(6), Node::Leaf(7)]
                        },
                        Node::Leaf(8),
                        Node::Leaf(9),
                    ]
                },
            ]
        );
    }

    #[test]
    fn every_block_appears_once_in_order() {
        use BlockKind::*;
        let kinds = [
            Item, Heading, Paragraph, Section, Item, Item, Heading, Caption,
        ];
        let blocks: Vec<Block> = kinds
            .iter()
            .enumerate()
            .map(|(i, k)| block(*k, (i % 3) as u8))
            .collect();
        fn walk(n: &[Node], out: &mut Vec<usize>) {
            for n in n {
                out.push(n.head());
                if let Node::Section { body, .. } = n {
                    walk(body, out);
                }
            }
        }
        let mut seen = Vec::new();
        walk(&outline(&blocks), &mut seen);
        assert_eq!(seen, (0..blocks.len()).collect::<Vec<_>>());
    }
}
