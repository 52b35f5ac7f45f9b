using System.Net;
using System.Text;

namespace Minsheng.Infrastructure.Documents;

/// <summary>
/// A document as HTML: the fragment shown inside a page (classes only, no inline styles, so the site's CSP holds)
/// and the standalone page Chromium prints to PDF, with the stylesheet inlined since it is read from a temporary file.
/// Every text is HTML-encoded; only the SVG of an image, which the application drew itself, is written as is.
/// </summary>
public static class HtmlWriter
{
    /// <summary>The shared stylesheet (wwwroot/css/document.css, embedded so the CLI and tests need no web root).</summary>
    public static string Css { get; } = ReadCss();

    public static string Fragment(DocDocument doc)
    {
        var sb = new StringBuilder();
        sb.Append("<article class=\"doc\">");
        sb.Append("<h1 class=\"doc-title\">").Append(E(doc.Title)).Append("</h1>");
        if (!string.IsNullOrWhiteSpace(doc.Subtitle)) sb.Append("<div class=\"doc-subtitle\">").Append(E(doc.Subtitle)).Append("</div>");
        foreach (var block in doc.Blocks) Write(sb, block);
        sb.Append("</article>");
        return sb.ToString();
    }

    /// <summary>A whole page for printing; <paramref name="stylesheetHref"/> links the CSS instead of inlining it (served pages).</summary>
    public static string Page(DocDocument doc, string? stylesheetHref = null)
    {
        var head = stylesheetHref is null ? $"<style>{Css}</style>" : $"<link rel=\"stylesheet\" href=\"{E(stylesheetHref)}\">";
        return $"<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>{E(doc.Title)}</title>{head}</head>" +
               $"<body>{Fragment(doc)}</body></html>";
    }

    private static void Write(StringBuilder sb, DocBlock block)
    {
        switch (block)
        {
            case DocHeading h:
                var tag = h.Level <= 1 ? "h2" : "h3";
                sb.Append('<').Append(tag).Append('>').Append(E(h.Text)).Append("</").Append(tag).Append('>');
                break;
            case DocParagraph p:
                // One <p> per line, as the Word writer does, so that every paragraph gets its first-line indent.
                foreach (var line in p.Text.Replace("\r\n", "\n").Split('\n'))
                    sb.Append(p.Note ? "<p class=\"doc-note\">" : "<p>").Append(E(line)).Append("</p>");
                break;
            case DocTable t:
                sb.Append("<div class=\"doc-table-wrap\"><table><thead><tr>");
                foreach (var h in t.Headers) sb.Append("<th scope=\"col\">").Append(E(h)).Append("</th>");
                sb.Append("</tr></thead><tbody>");
                foreach (var row in t.Rows)
                {
                    sb.Append("<tr>");
                    for (var i = 0; i < row.Count; i++)
                        sb.Append(t.NumericColumns?.Contains(i) == true ? "<td class=\"num\">" : "<td>").Append(E(row[i])).Append("</td>");
                    sb.Append("</tr>");
                }
                sb.Append("</tbody></table></div>");
                break;
            case DocImage img:
                sb.Append("<figure>").Append(img.Svg).Append("<figcaption class=\"doc-caption\">").Append(E(img.Caption)).Append("</figcaption></figure>");
                break;
            case DocPageBreak:
                sb.Append("<div class=\"doc-break\"></div>");
                break;
        }
    }

    private static string E(string? s) => WebUtility.HtmlEncode(s ?? "");

    private static string ReadCss()
    {
        using var stream = typeof(HtmlWriter).Assembly.GetManifestResourceStream("document.css")
            ?? throw new InvalidOperationException("document.css is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
