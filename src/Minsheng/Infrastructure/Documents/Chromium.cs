using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Minsheng.Infrastructure.Documents;

/// <summary>Headless Chromium is not installed (or not where Documents:Chromium points): PDF and chart exports cannot run.</summary>
public sealed class ChromiumMissingException(string message) : Exception(message);

/// <summary>Chromium ran but did not produce the file (it crashed or timed out).</summary>
public sealed class ChromiumFailedException(string message) : Exception(message);

/// <summary>
/// Runs headless Chromium, a run-time need of the PDF and Word exports: HTML to PDF (the print stylesheet sets A4 and
/// the page numbers), and SVG charts to PNG for Word. Each call starts a browser with its own throwaway profile, so
/// calls never share state; the documents are written to a temporary directory and read from file://, which needs
/// no sign-in. The binary is Documents:Chromium, else the first of chromium, chromium-browser, google-chrome on PATH.
/// </summary>
public sealed class Chromium(IConfiguration config, ILogger<Chromium> logger)
{
    public const string Setting = "Documents:Chromium";
    private static readonly string[] Candidates = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    public const string MissingMessage = "服务器未安装 Chromium 浏览器，无法生成 PDF 和图表。请安装 chromium（Debian/Ubuntu：apt-get install chromium），或在设置 Documents:Chromium 中指定其路径。";

    /// <summary>The binary's full path, or null when none is installed.</summary>
    public string? Find()
    {
        if (config[Setting] is { Length: > 0 } configured) return File.Exists(configured) ? configured : null;
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var name in Candidates)
            foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
                if (File.Exists(Path.Combine(dir, name))) return Path.Combine(dir, name);
        return null;
    }

    public bool Available => Find() is not null;

    /// <summary>The page printed to PDF (A4, the stylesheet's margins and footer).</summary>
    public async Task<byte[]> PrintPdfAsync(string html, CancellationToken ct)
    {
        using var dir = new TempDir();
        var page = dir.Write("document.html", html);
        var pdf = Path.Combine(dir.Path, "document.pdf");
        await RunAsync(dir, ["--no-pdf-header-footer", $"--print-to-pdf={pdf}", new Uri(page).AbsoluteUri], pdf, ct);
        return await File.ReadAllBytesAsync(pdf, ct);
    }

    /// <summary>
    /// Each SVG image as a PNG at twice its CSS size: one page stacks them all, one screenshot takes it, and the
    /// screenshot is cut back into the images (one browser start for the whole document).
    /// </summary>
    public async Task<IReadOnlyList<byte[]>> RenderPngsAsync(IReadOnlyList<DocImage> images, CancellationToken ct)
    {
        if (images.Count == 0) return [];
        const int scale = 2, gap = 8;
        var width = images.Max(i => i.Width);
        var html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>html,body{margin:0;background:#fff}div{display:block;margin:0;line-height:0}svg{display:block}</style></head><body>");
        var tops = new List<int>();
        var y = 0;
        foreach (var image in images)
        {
            tops.Add(y);
            html.Append(CultureInfo.InvariantCulture, $"<div style=\"height:{image.Height + gap}px\">").Append(image.Svg).Append("</div>");
            y += image.Height + gap;
        }
        html.Append("</body></html>");
        using var dir = new TempDir();
        var page = dir.Write("charts.html", html.ToString());
        var png = Path.Combine(dir.Path, "charts.png");
        await RunAsync(dir, ["--hide-scrollbars", $"--force-device-scale-factor={scale}", $"--window-size={width},{y}", $"--screenshot={png}",
            new Uri(page).AbsoluteUri], png, ct);
        var sheet = Png.Decode(await File.ReadAllBytesAsync(png, ct));
        return images.Select((image, i) => sheet.Crop(0, tops[i] * scale, image.Width * scale, image.Height * scale).Encode()).ToList();
    }

    private async Task RunAsync(TempDir dir, IReadOnlyList<string> args, string output, CancellationToken ct)
    {
        var binary = Find() ?? throw new ChromiumMissingException(MissingMessage);
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                     "--disable-extensions", "--run-all-compositor-stages-before-draw", $"--user-data-dir={Path.Combine(dir.Path, "profile")}" }.Concat(args))
            start.ArgumentList.Add(a);
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new ChromiumMissingException(MissingMessage);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        _ = process.StandardOutput.ReadToEndAsync(ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            if (ct.IsCancellationRequested) throw;
            throw new ChromiumFailedException($"Chromium 在 {Timeout.TotalSeconds:0} 秒内未完成，已终止。");
        }
        logger.LogInformation("Chromium wrote {File} in {Ms} ms", Path.GetFileName(output), watch.ElapsedMilliseconds);
        if (!File.Exists(output) || new FileInfo(output).Length == 0)
        {
            var tail = await stderr;
            logger.LogWarning("Chromium failed (exit {Code}): {Error}", process.ExitCode, tail.Length > 2000 ? tail[^2000..] : tail);
            throw new ChromiumFailedException($"Chromium 未能生成文件（退出码 {process.ExitCode}）。");
        }
    }

    private sealed class TempDir : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("minsheng-doc-").FullName;

        public string Write(string name, string content)
        {
            var file = System.IO.Path.Combine(Path, name);
            File.WriteAllText(file, content, new UTF8Encoding(false));
            return file;
        }

        public void Dispose()
        {
            try { Directory.Delete(Path, recursive: true); }
            catch (IOException) { } // a browser child still closing its profile; the OS cleans /tmp
        }
    }
}
