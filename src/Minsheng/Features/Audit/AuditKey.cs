using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Minsheng.Data;
using Npgsql;

namespace Minsheng.Features.Audit;

/// <summary>
/// The secret that signs the audit chain (HMAC-SHA256) and the path of the checkpoint file. Both live outside
/// the database: whoever can rewrite every row still cannot produce a valid signature or undo a checkpoint.
/// SQLite keeps them next to the database file; `Audit:KeyFile` and `Audit:CheckpointFile` override the paths
/// (PostgreSQL defaults to ./data, and several instances must share one key).
/// </summary>
public sealed class AuditKey
{
    public const string KeyFileSetting = "Audit:KeyFile";
    public const string CheckpointFileSetting = "Audit:CheckpointFile";
    private const int KeyBytes = 32;

    private readonly Lock _gate = new();
    private byte[]? _key;

    public string KeyPath { get; }
    public string CheckpointPath { get; }

    public AuditKey(IConfiguration config, DatabaseTarget database)
    {
        string defaultKey, label;
        if (database.IsSqlite)
        {
            var file = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
            defaultKey = file + ".audit-key";
            label = Path.GetFileName(file);
        }
        else
        {
            var cs = new NpgsqlConnectionStringBuilder(database.ConnectionString);
            defaultKey = Path.Combine("data", "minsheng.audit-key");
            // One checkpoint file per database, so two databases never compare against each other's checkpoints.
            label = string.Concat($"{cs.Database}@{cs.Host}".Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '@' ? c : '_'));
        }
        KeyPath = Path.GetFullPath(config[KeyFileSetting] is { Length: > 0 } k ? k : defaultKey);
        CheckpointPath = Path.GetFullPath(config[CheckpointFileSetting] is { Length: > 0 } c
            ? c : Path.Combine(Path.GetDirectoryName(KeyPath)!, label + ".audit-checkpoints"));
    }

    public bool Exists => _key is not null || File.Exists(KeyPath);

    /// <summary>A short public name of the key, recorded when the chain switched to it; never reveals the key.</summary>
    public string Fingerprint => Mac("minsheng-audit-key-fingerprint")[..16];

    public string Mac(string text) => Convert.ToHexStringLower(HMACSHA256.HashData(Bytes(), Encoding.UTF8.GetBytes(text)));

    /// <summary>Writes a new random key readable by this user only; keeps an existing one (another instance may have won).</summary>
    public void Create()
    {
        lock (_gate)
        {
            if (File.Exists(KeyPath)) return;
            Directory.CreateDirectory(Path.GetDirectoryName(KeyPath)!);
            // Written whole under a temporary name and moved into place, so no reader ever sees half a key.
            var temp = $"{KeyPath}.{Guid.NewGuid():N}.tmp";
            using (var stream = OwnerOnly(temp, FileMode.CreateNew))
            {
                stream.Write(Encoding.ASCII.GetBytes(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(KeyBytes)) + "\n"));
                stream.Flush(flushToDisk: true);
            }
            try { File.Move(temp, KeyPath, overwrite: false); }
            catch (IOException) when (File.Exists(KeyPath)) { File.Delete(temp); }
        }
    }

    private byte[] Bytes()
    {
        if (_key is { } key) return key;
        lock (_gate)
        {
            if (_key is not null) return _key;
            if (!File.Exists(KeyPath)) throw new AuditKeyException($"审计密钥文件 {KeyPath} 不存在。");
            byte[] bytes;
            try { bytes = Convert.FromHexString(File.ReadAllText(KeyPath).Trim()); }
            catch (FormatException) { throw new AuditKeyException($"审计密钥文件 {KeyPath} 已损坏（应为十六进制文本）。"); }
            if (bytes.Length < KeyBytes) throw new AuditKeyException($"审计密钥文件 {KeyPath} 已损坏（长度不足）。");
            return _key = bytes;
        }
    }

    /// <summary>Opens a file that, when created, is readable and writable by its owner only (0600).</summary>
    internal static FileStream OwnerOnly(string path, FileMode mode)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write, Share = FileShare.Read };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        return new FileStream(path, options);
    }
}

/// <summary>The key file is missing, unreadable or not the one the chain was signed with: refuse rather than sign on.</summary>
public sealed class AuditKeyException(string message) : Exception(message);
