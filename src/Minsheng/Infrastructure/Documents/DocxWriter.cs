using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace Minsheng.Infrastructure.Documents;

/// <summary>
/// A document as a Word file in the manner of a government document (GB/T 9704): A4 with 37/35/28/26 mm margins,
/// headings in 黑体, body in 仿宋 三号-ish 16pt, page numbers centred in the footer. The font table names each
/// Chinese font with its English alternative and the GB2312 character set, so Word and LibreOffice substitute a
/// CJK font where 仿宋 or 黑体 is missing rather than falling back to a Latin one. Images come in as PNG
/// (one per <see cref="DocImage"/>, in order), scaled to the text width.
/// </summary>
public static class DocxWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Body = "仿宋", Heading = "黑体";

    // A4 in twentieths of a point, margins of GB/T 9704 (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm).
    private const int PageWidth = 11906, PageHeight = 16838, MarginTop = 2098, MarginBottom = 1984, MarginLeft = 1587, MarginRight = 1474;
    private const long EmuPerTwip = 635, EmuPerPx = 9525;

    public static byte[] Write(DocDocument doc, IReadOnlyList<byte[]> pngs)
    {
        using var ms = new MemoryStream();
        using (var word = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            AddStyles(main);
            AddFonts(main);
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = new Footer(new Paragraph(
                new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
                Text("— ", 10), new SimpleField(Text("1", 10)) { Instruction = " PAGE " }, Text(" —", 10)));
            var body = new DocumentFormat.OpenXml.Wordprocessing.Body();
            body.Append(Para(doc.Title, "Title"));
            if (!string.IsNullOrWhiteSpace(doc.Subtitle)) body.Append(Para(doc.Subtitle, "Subtitle"));
            var imageIndex = 0;
            foreach (var block in doc.Blocks)
            {
                switch (block)
                {
                    case DocHeading h: body.Append(Para(h.Text, h.Level <= 1 ? "Heading1" : "Heading2")); break;
                    case DocParagraph p: AppendParagraphs(body, p); break;
                    case DocTable t: body.Append(Table(t)); body.Append(new Paragraph()); break;
                    case DocImage img:
                        if (imageIndex < pngs.Count) body.Append(Image(main, pngs[imageIndex], img, (uint)imageIndex + 1));
                        imageIndex++;
                        body.Append(Para(img.Caption, "Caption"));
                        break;
                    case DocPageBreak: body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page }))); break;
                }
            }
            body.Append(new SectionProperties(
                new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
                new PageSize { Width = PageWidth, Height = PageHeight },
                new PageMargin { Top = MarginTop, Bottom = MarginBottom, Left = MarginLeft, Right = MarginRight, Header = 851, Footer = 992, Gutter = 0 }));
            main.Document = new Document(body);
        }
        return ms.ToArray();
    }

    /// <summary>Each line of a paragraph's text is a paragraph of its own (Word has no pre-line).</summary>
    private static void AppendParagraphs(OpenXmlElement body, DocParagraph p)
    {
        foreach (var line in p.Text.Replace("\r\n", "\n").Split('\n'))
            body.Append(Para(line, p.Note ? "Note" : "BodyText"));
    }

    private static Paragraph Para(string text, string style) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = style }), new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static Run Text(string text, int points) =>
        new(new RunProperties(new FontSize { Val = (points * 2).ToString() }), new Text(text) { Space = SpaceProcessingModeValues.Preserve });

    private static Table Table(DocTable t)
    {
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var table = new Table(new TableProperties(border, new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }));
        var header = new TableRow(new TableRowProperties(new TableHeader()));
        foreach (var h in t.Headers) header.Append(Cell(h, "TableHead", shaded: true, right: false));
        table.Append(header);
        foreach (var row in t.Rows)
        {
            var tr = new TableRow(new TableRowProperties(new CantSplit()));
            for (var i = 0; i < row.Count; i++) tr.Append(Cell(row[i], "TableText", shaded: false, right: t.NumericColumns?.Contains(i) == true));
            table.Append(tr);
        }
        return table;
    }

    private static TableCell Cell(string text, string style, bool shaded, bool right)
    {
        var props = new TableCellProperties();
        if (shaded) props.Append(new Shading { Val = ShadingPatternValues.Clear, Fill = "EEEEEE", Color = "auto" });
        var pp = new ParagraphProperties(new ParagraphStyleId { Val = style });
        if (right) pp.Append(new Justification { Val = JustificationValues.Right });
        return new TableCell(props, new Paragraph(pp, new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve })));
    }

    private static Paragraph Image(MainDocumentPart main, byte[] png, DocImage img, uint id)
    {
        var part = main.AddImagePart(ImagePartType.Png);
        using (var s = new MemoryStream(png)) part.FeedData(s);
        var maxWidth = (PageWidth - MarginLeft - MarginRight) * EmuPerTwip;
        long cx = img.Width * EmuPerPx, cy = img.Height * EmuPerPx;
        if (cx > maxWidth) (cx, cy) = (maxWidth, cy * maxWidth / cx);
        var name = $"图{id}";
        var graphic = new A.Graphic(new A.GraphicData(
            new PIC.Picture(
                new PIC.NonVisualPictureProperties(new PIC.NonVisualDrawingProperties { Id = id, Name = name }, new PIC.NonVisualPictureDrawingProperties()),
                new PIC.BlipFill(new A.Blip { Embed = main.GetIdOfPart(part) }, new A.Stretch(new A.FillRectangle())),
                new PIC.ShapeProperties(new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = cx, Cy = cy }),
                    new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
        { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" });
        var inline = new DW.Inline(
            new DW.Extent { Cx = cx, Cy = cy },
            new DW.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
            new DW.DocProperties { Id = id, Name = name, Description = img.Caption },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            graphic)
        { DistanceFromTop = 0, DistanceFromBottom = 0, DistanceFromLeft = 0, DistanceFromRight = 0 };
        return new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Center }, new KeepNext()),
            new Run(new Drawing(inline)));
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var part = main.AddNewPart<StyleDefinitionsPart>();
        Style Make(string id, string name, string font, int halfPoints, bool bold = false, JustificationValues? align = null,
            int? firstLineChars = null, string? color = null, int before = 0, int after = 0, int? outline = null)
        {
            var rp = new StyleRunProperties(new RunFonts { Ascii = font, HighAnsi = font, EastAsia = font, ComplexScript = font },
                new FontSize { Val = halfPoints.ToString() }, new FontSizeComplexScript { Val = halfPoints.ToString() });
            if (bold) rp.Append(new Bold());
            if (color is not null) rp.Append(new Color { Val = color });
            var pp = new StyleParagraphProperties(new SpacingBetweenLines { Before = before.ToString(), After = after.ToString(), Line = "440", LineRule = LineSpacingRuleValues.Exact });
            if (outline is { } level) pp.Append(new KeepNext(), new OutlineLevel { Val = level });
            if (align is { } a) pp.Append(new Justification { Val = a });
            if (firstLineChars is { } chars) pp.Append(new Indentation { FirstLineChars = chars });
            return new Style(new StyleName { Val = name }, new BasedOn { Val = "Normal" }, pp, rp)
            { Type = StyleValues.Paragraph, StyleId = id, CustomStyle = true };
        }
        var normal = new Style(new StyleName { Val = "Normal" }, new PrimaryStyle(),
            new StyleRunProperties(new RunFonts { Ascii = Body, HighAnsi = Body, EastAsia = Body, ComplexScript = Body }, new FontSize { Val = "32" }))
        { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true };
        part.Styles = new Styles(normal,
            Make("Title", "Title", "方正小标宋简体", 44, align: JustificationValues.Center, color: "C00000", after: 120),
            Make("Subtitle", "Subtitle", Body, 30, align: JustificationValues.Center, after: 240),
            Make("Heading1", "heading 1", Heading, 32, before: 240, after: 60, outline: 0),
            Make("Heading2", "heading 2", "楷体", 32, bold: true, before: 120, after: 40, outline: 1),
            Make("BodyText", "Body Text", Body, 32, firstLineChars: 200),
            Make("Note", "Note", Body, 24, color: "555555"),
            Make("TableHead", "Table Head", Heading, 24, align: JustificationValues.Center),
            Make("TableText", "Table Text", Body, 24),
            Make("Caption", "caption", Heading, 24, align: JustificationValues.Center, after: 120));
        // Title falls back to 黑体 through the font table when the bulletin font is missing.
    }

    private static void AddFonts(MainDocumentPart main)
    {
        var part = main.AddNewPart<FontTablePart>();
        Font Cjk(string name, string alt, string panose, FontFamilyValues family) => new(
            new AltName { Val = alt }, new Panose1Number { Val = panose }, new FontCharSet { Val = "86" },
            new FontFamily { Val = family }, new Pitch { Val = FontPitchValues.Variable })
        { Name = name };
        part.Fonts = new Fonts(
            Cjk(Body, "FangSong", "02010609060101010101", FontFamilyValues.Modern),
            Cjk(Heading, "SimHei", "02010609060101010101", FontFamilyValues.Modern),
            Cjk("楷体", "KaiTi", "02010609060101010101", FontFamilyValues.Modern),
            Cjk("方正小标宋简体", "SimHei", "02000000000000000000", FontFamilyValues.Script));
    }
}
