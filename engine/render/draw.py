"""Drawing report blocks: to the terminal (rich) and to Markdown."""

from __future__ import annotations

import io

from rich.console import Console
from rich.markup import escape
from rich.table import Table as RichTable

from engine.render.report import Block, Bullets, Heading, Paragraph, Table


def to_terminal(blocks: list[Block], width: int | None = None, color: bool | None = None) -> str:
    """The blocks as terminal text (tables drawn by rich); plain text when not a terminal."""
    buffer = io.StringIO()
    console = Console(file=buffer, width=width or 120, force_terminal=color, no_color=not color, highlight=False, soft_wrap=False)
    for block in blocks:
        if isinstance(block, Heading):
            console.print()
            console.print(f"[bold]{escape(block.text)}[/bold]")
        elif isinstance(block, Paragraph):
            console.print(escape(block.text))
        elif isinstance(block, Bullets):
            for item in block.items:
                console.print(f"  • {escape(item)}")
        elif isinstance(block, Table):
            table = RichTable(show_lines=False, header_style="bold")
            for column in block.columns:
                table.add_column(column, overflow="fold")
            for row in block.rows:
                table.add_row(*(escape(cell) for cell in row))
            console.print(table)
    return buffer.getvalue()


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def to_markdown(blocks: list[Block]) -> str:
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, Heading):
            lines += ["", "#" * block.level + " " + block.text, ""]
        elif isinstance(block, Paragraph):
            lines += [block.text, ""]
        elif isinstance(block, Bullets):
            lines += [f"- {item}" for item in block.items] + [""]
        elif isinstance(block, Table):
            lines.append("| " + " | ".join(_md_cell(c) for c in block.columns) + " |")
            lines.append("|" + "---|" * len(block.columns))
            lines += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in block.rows]
            lines.append("")
    return "\n".join(lines).strip() + "\n"
