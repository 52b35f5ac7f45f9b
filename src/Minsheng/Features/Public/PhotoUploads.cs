using Minsheng.Domain;

namespace Minsheng.Features.Public;

/// <summary>A checked photo: its type comes from its first bytes, never from what the browser claimed.</summary>
public sealed record Photo(string FileName, string ContentType, byte[] Bytes);

/// <summary>
/// The portal's upload rules: at most 3 photos of at most 5 MB each, JPEG, PNG or WebP by content signature.
/// Every problem is reported on the field "photos" in words a citizen understands.
/// </summary>
public static class PhotoUploads
{
    public const string Field = "photos";
    public const int MaxCount = 3;
    public const long MaxBytes = 5 * 1024 * 1024;
    /// <summary>Three full-size photos and the text fields fit; anything larger is refused before it is read.</summary>
    public const long MaxRequestBytes = 16 * 1024 * 1024;
    public const string TooLargeMessage = "提交的内容过大：照片最多 3 张，每张不超过 5 MB。";
    public const string Accept = "image/jpeg,image/png,image/webp";

    /// <summary>The image type the bytes begin with, or null when they are none of the accepted ones.</summary>
    public static string? Sniff(ReadOnlySpan<byte> b)
    {
        if (b.Length >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF) return "image/jpeg";
        if (b.Length >= 8 && b[..8].SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })) return "image/png";
        if (b.Length >= 12 && b[..4].SequenceEqual("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8)) return "image/webp";
        return null;
    }

    /// <summary>Reads and checks the uploaded files; browsers send an empty part for an untouched file input, which is skipped.</summary>
    public static async Task<(List<Photo> Photos, FieldErrors Errors)> ReadAsync(IEnumerable<IFormFile> files, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var photos = new List<Photo>();
        var given = files.Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)).ToList();
        if (given.Count > MaxCount)
        {
            errors.Add(Field, $"最多上传 {MaxCount} 张照片，您选择了 {given.Count} 张。");
            return (photos, errors);
        }
        foreach (var file in given)
        {
            var name = CleanName(file.FileName);
            if (file.Length == 0) { errors.Add(Field, $"照片“{name}”是空文件。"); continue; }
            if (file.Length > MaxBytes) { errors.Add(Field, $"照片“{name}”超过 5 MB，请压缩后再上传。"); continue; }
            using var buffer = new MemoryStream((int)file.Length);
            await using (var stream = file.OpenReadStream()) await stream.CopyToAsync(buffer, ct);
            var bytes = buffer.ToArray();
            if (Sniff(bytes) is not { } type) { errors.Add(Field, $"“{name}”不是 JPEG、PNG 或 WebP 格式的图片。"); continue; }
            photos.Add(new Photo(name, type, bytes));
        }
        return (photos, errors);
    }

    /// <summary>Only the last path segment, without control characters, at most 100 characters.</summary>
    public static string CleanName(string? fileName)
    {
        var name = (fileName ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        name = new string(name.Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (name.Length == 0) name = "照片";
        return name.Length <= 100 ? name : name[^100..];
    }
}
