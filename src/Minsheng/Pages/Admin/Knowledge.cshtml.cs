using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Minsheng.Data;
using Minsheng.Domain.Organization;
using Minsheng.Features.Knowledge;
using Minsheng.Pages.Console;

namespace Minsheng.Pages.Admin;

/// <summary>知识库: the answers operators read to callers. The search box ranks as the phone console does.</summary>
[Authorize(Roles = nameof(Role.Admin))]
public sealed class KnowledgeModel(KnowledgeBase kb, MinshengDb db) : AdminPage
{
    public IReadOnlyList<KnowledgeView> Articles { get; private set; } = [];
    public IReadOnlyList<CategoryGroup> Categories { get; private set; } = [];
    public KnowledgeView? Selected { get; private set; }
    [BindProperty(SupportsGet = true)] public long? Id { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    /// <summary>"new": the editor is empty for a new article even when the list has one selected.</summary>
    [BindProperty(SupportsGet = true)] public bool New { get; set; }

    public KnowledgeInput Input { get; private set; } = new(null, null, null, null, true);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostSaveAsync(string? title, long? categoryId, string? content, string? keywords, bool active, CancellationToken ct)
    {
        Input = new KnowledgeInput(title, categoryId, content, keywords, active);
        KnowledgeView? saved = null;
        var ok = await TryAsync(async () =>
            saved = Id is { } id && !New ? await kb.UpdateAsync(id, Input, ct) : await kb.CreateAsync(Input, ct));
        if (ok && saved is not null) return Done(Id is null || New ? $"已添加“{saved.Title}”。" : $"已保存“{saved.Title}”。", Url.Page(null, new { id = saved.Id, q = Q }));
        if (ok) Gone("知识条目");
        await LoadAsync(ct, keepInput: true);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        var article = Id is { } id ? await kb.FindAsync(id, ct) : null;
        var deleted = false;
        var ok = article is not null && await TryAsync(async () => deleted = await kb.DeleteAsync(article.Id, ct));
        if (deleted) return Done($"已删除“{article!.Title}”。", Url.Page(null, new { q = Q }));
        if (article is null || ok) Gone("知识条目");
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct, bool keepInput = false)
    {
        Categories = await PickLists.CategoriesAsync(db, ct);
        var all = await kb.ListAsync(includeInactive: true, ct);
        var searched = false;
        if (!string.IsNullOrWhiteSpace(Q))
        {
            if (await TryAsync(async () => Articles = await kb.SearchAsync(Q, KnowledgeBase.MaxHits, ct))) searched = true;
        }
        if (!searched) Articles = all;
        Selected = New ? null : all.FirstOrDefault(a => a.Id == Id);
        if (!keepInput && Selected is { } s)
            Input = new KnowledgeInput(s.Title, s.CategoryId, s.Content, string.Join(" ", s.Keywords), s.Active);
    }
}
