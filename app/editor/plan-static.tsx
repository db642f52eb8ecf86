import type { Block, Inline } from "../domain/plan-document";

/** Read-only HTML of a section's blocks: the page before JavaScript, and versions. */
export function StaticBlocks({ blocks }: { blocks: Block[] }) {
  return (
    <>
      {blocks.map((block, i) => (
        <StaticBlock key={i} block={block} />
      ))}
    </>
  );
}

function StaticBlock({ block }: { block: Block }) {
  switch (block.type) {
    case "paragraph":
      return (
        <p>
          <Inlines inlines={block.inlines} />
        </p>
      );
    case "heading": {
      const Tag = block.level <= 3 ? "h3" : "h4";
      return (
        <Tag>
          <Inlines inlines={block.inlines} />
        </Tag>
      );
    }
    case "list": {
      const Tag = block.ordered ? "ol" : "ul";
      return (
        <Tag>
          {block.items.map((item, i) => (
            <li key={i}>
              <StaticBlocks blocks={item} />
            </li>
          ))}
        </Tag>
      );
    }
    case "quote":
      return (
        <blockquote>
          <StaticBlocks blocks={block.blocks} />
        </blockquote>
      );
    case "code":
      return (
        <pre>
          <code>{block.text}</code>
        </pre>
      );
    case "rule":
      return <hr />;
  }
}

function Inlines({ inlines }: { inlines: Inline[] }) {
  return (
    <>
      {inlines.map((inline, i) => {
        if (inline.text === "\n") return <br key={i} />;
        let node: React.ReactNode = inline.text;
        if (inline.code) node = <code>{node}</code>;
        if (inline.strike) node = <s>{node}</s>;
        if (inline.italic) node = <em>{node}</em>;
        if (inline.bold) node = <strong>{node}</strong>;
        return <span key={i}>{node}</span>;
      })}
    </>
  );
}
