namespace Minsheng.Domain.Organization;

/// <summary>A node of the appeal category tree (e.g. 城乡建设 → 市政设施 → 路灯).</summary>
public sealed class Category
{
    public long Id { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public long? ParentId { get; private set; }
    public bool Active { get; private set; } = true;

    private Category() { }

    public Category(string code, string name, long? parentId)
    {
        Code = code;
        Name = name;
        ParentId = parentId;
    }

    public void Rename(string name) => Name = name;

    public void Deactivate() => Active = false;
}
