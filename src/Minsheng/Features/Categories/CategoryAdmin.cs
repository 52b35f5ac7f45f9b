using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain;
using Minsheng.Domain.Organization;
using Minsheng.Features.Audit;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Categories;

/// <summary>The category tree every county shares: everyone reads it, only the top-level admin changes it.</summary>
public sealed class CategoryAdmin(MinshengDb db, AuditedCommit commit, CurrentUser me)
{
    public async Task<List<Category>> ListAsync(CancellationToken ct) =>
        await db.Categories.AsNoTracking().OrderBy(c => c.Code).ToListAsync(ct);

    public async Task<Category?> FindAsync(long? id, CancellationToken ct) =>
        await db.Categories.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);

    public async Task<Category> CreateAsync(CreateCategoryRequest body, CancellationToken ct)
    {
        me.RequireDeploymentAdmin();
        var errors = new FieldErrors().Text("code", body.Code, "分类编码", 40).Text("name", body.Name, "分类名称", 100);
        if (body.ParentId is { } pid && !await db.Categories.AnyAsync(c => c.Id == pid, ct)) errors.Add("parentId", "上级分类不存在。");
        if (body.Code is { } code && await db.Categories.AnyAsync(c => c.Code == code.Trim(), ct)) errors.Add("code", "分类编码已存在。");
        errors.ThrowIfAny();
        var category = new Category(body.Code!.Trim(), body.Name!.Trim(), body.ParentId);
        return await commit.RunAsync(notes =>
        {
            db.Categories.Add(category);
            notes.Record(AuditActions.CategoryCreate, category.Code, category.Name);
            return Task.FromResult(category);
        }, ct);
    }

    /// <summary>Renames or (Active false) deactivates a category; null when there is none.</summary>
    public async Task<Category?> UpdateAsync(long id, UpdateCategoryRequest body, CancellationToken ct)
    {
        me.RequireDeploymentAdmin();
        new FieldErrors().Text("name", body.Name, "分类名称", 100).ThrowIfAny();
        return await commit.RunAsync(async notes =>
        {
            var category = await db.Categories.FirstOrDefaultAsync(c => c.Id == id, ct);
            if (category is null) return null;
            category.Rename(body.Name!.Trim());
            if (body.Active == false) category.Deactivate();
            notes.Record(AuditActions.CategoryUpdate, category.Code, category.Name);
            return category;
        }, ct);
    }
}
