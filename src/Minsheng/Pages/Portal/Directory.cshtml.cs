using Minsheng.Features.Public;
using Minsheng.Infrastructure;
using Minsheng.Infrastructure.Web;

namespace Minsheng.Pages.Portal;

/// <summary>单位通讯录. The filter works as a plain GET form; with script, Alpine also filters as one types.</summary>
public sealed class DirectoryModel(UnitTree units) : AppPage
{
    public string? Q { get; private set; }
    public DirectoryView View { get; private set; } = null!;

    public void OnGet(string? q)
    {
        Q = q?.Trim() is { Length: > 0 } t ? t[..Math.Min(t.Length, UnitDirectory.QueryMax)] : null;
        View = UnitDirectory.Build(units, Q);
    }
}
