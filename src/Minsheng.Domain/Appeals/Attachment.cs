namespace Minsheng.Domain.Appeals;

/// <summary>Metadata of a file attached to an appeal; the bytes live in the file store under StorageKey.</summary>
public sealed class Attachment
{
    public long Id { get; private set; }
    public long AppealId { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long Size { get; private set; }
    public string StorageKey { get; private set; } = "";

    private Attachment() { }

    public Attachment(string fileName, string contentType, long size, string storageKey)
    {
        FileName = fileName;
        ContentType = contentType;
        Size = size;
        StorageKey = storageKey;
    }
}

/// <summary>A co-unit (协办单位) of a dispatched appeal.</summary>
public sealed class AppealCoUnit
{
    public long AppealId { get; private set; }
    public long UnitId { get; private set; }

    private AppealCoUnit() { }

    public AppealCoUnit(long unitId) => UnitId = unitId;
}
