namespace Minsheng.Infrastructure.Documents;

/// <summary>
/// A small document model that both writers read: the same blocks become a Word file (<see cref="DocxWriter"/>) and
/// an HTML page that headless Chromium prints to PDF (<see cref="HtmlWriter"/>), so the two exports cannot drift apart.
/// Reports and the 《民意参考》 bulletin build their content from these blocks and nothing else.
/// </summary>
public abstract record DocBlock;

/// <summary>Level 1 is a section title, 2 a sub-section.</summary>
public sealed record DocHeading(int Level, string Text) : DocBlock;

/// <summary>A body paragraph; a note is smaller and grey (sources, definitions).</summary>
public sealed record DocParagraph(string Text, bool Note = false) : DocBlock;

/// <summary>A table with a header row; NumericColumns are right-aligned.</summary>
public sealed record DocTable(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlySet<int>? NumericColumns = null) : DocBlock;

/// <summary>
/// A picture drawn as SVG (a chart): the HTML writer inlines it, the Word writer embeds a PNG of it rendered by
/// Chromium. Width and height are CSS pixels (96 per inch).
/// </summary>
public sealed record DocImage(string Svg, int Width, int Height, string Caption) : DocBlock;

public sealed record DocPageBreak : DocBlock;

/// <summary>A whole document: title and subtitle on top, then the blocks; the footer carries the page number.</summary>
public sealed record DocDocument(string Title, string? Subtitle, IReadOnlyList<DocBlock> Blocks, string FooterText = "");
