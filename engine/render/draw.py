"""Drawing report blocks: to the terminal (rich) and to Markdown."""

from __future__ import annotations

import io

from rich.console import Console
from rich.markup import escape
from rich.table import Table as RichTable

from tolka.render.report import Block, Bullets, Heading, Paragraph, Table


def to_terminal(blocks: list[Block], width: int | None = None, color: bool | None = None) -> str:
    """The blocks as terminal text (tables drawn by rich); plain text when not a terminal."""
    buffer = io.StringIO()
    console = Console(
        file=buffer, width=width or 120, force_terminal=color, no_color=not color, highlight=False, soft_wrap=False
    )
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


_HTML_STYLE = """
body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem;
color:#1b1b1b;line-height:1.45}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
th,td{border:1px solid #c8c8c8;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#eef1f4}h2{border-bottom:2px solid #1b1b1b;padding-bottom:.2rem}h3{margin-top:1.6rem}code{font-size:.9em}
@media print{body{margin:0;max-width:none}h3{break-after:avoid}table{break-inside:avoid}}
"""


def to_html(blocks: list[Block], title: str = "tolka", language: str = "en") -> str:
    """A standalone, printable HTML page (no scripts)."""
    from html import escape as esc

    parts = [
        f'<!doctype html><html lang="{language}"><head><meta charset="utf-8"><title>{esc(title)}</title>',
        f"<style>{_HTML_STYLE}</style></head><body>",
    ]
    for block in blocks:
        if isinstance(block, Heading):
            parts.append(f"<h{block.level}>{esc(block.text)}</h{block.level}>")
        elif isinstance(block, Paragraph):
            parts.append(f"<p>{esc(block.text)}</p>")
        elif isinstance(block, Bullets):
            parts.append("<ul>" + "".join(f"<li>{esc(item)}</li>" for item in block.items) + "</ul>")
        elif isinstance(block, Table):
            head = "".join(f'<th scope="col">{esc(c)}</th>' for c in block.columns)
            body = "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>" for row in block.rows)
            parts.append(f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
