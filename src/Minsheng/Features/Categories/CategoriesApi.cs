using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain;
using Minsheng.Domain.Organization;
using Minsheng.Features.Audit;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Categories;

public sealed record CategoryView(long Id, string Code, string Name, long? ParentId, bool Active);

public sealed record CreateCategoryRequest(string? Code, string? Name, long? ParentId);

public sealed record UpdateCategoryRequest(string? Name, bool? Active);

public static class CategoriesApi
{
    public static RouteGroupBuilder MapCategoriesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/categories").RequireAuthorization().WithTags("分类");
        group.MapGet("/", List);
        group.MapPost("/", Create).RequireAuthorization(p => p.RequireRole(nameof(Role.Admin)));
        group.MapPut("/{id:long}", Update).RequireAuthorization(p => p.RequireRole(nameof(Role.Admin)));
        return group;
    }

    private static async Task<List<CategoryView>> List(MinshengDb db, CancellationToken ct) =>
        await db.Categories.AsNoTracking().OrderBy(c => c.Code).Select(c => new CategoryView(c.Id, c.Code, c.Name, c.ParentId, c.Active)).ToListAsync(ct);

    internal static async Task<Created<CategoryView>> Create(CreateCategoryRequest body, MinshengDb db, AuditLog audit, CurrentUser me, CancellationToken ct)
    {
        me.RequireDeploymentAdmin();
        var errors = new FieldErrors().Text("code", body.Code, "分类编码", 40).Text("name", body.Name, "分类名称", 100);
        if (body.ParentId is { } pid && !await db.Categories.AnyAsync(c => c.Id == pid, ct)) errors.Add("parentId", "上级分类不存在。");
        if (body.Code is { } code && await db.Categories.AnyAsync(c => c.Code == code.Trim(), ct)) errors.Add("code", "分类编码已存在。");
        errors.ThrowIfAny();
        var category = new Category(body.Code!.Trim(), body.Name!.Trim(), body.ParentId);
        await db.WriteAsync(async () =>
        {
            db.Categories.Add(category);
            await audit.AppendAsync(me.Username, "category.create", "category", category.Code, category.Name, ct);
        }, ct);
        return TypedResults.Created($"/api/categories/{category.Id}", View(category));
    }

    internal static async Task<Results<Ok<CategoryView>, NotFound<ProblemDetails>>> Update(long id, UpdateCategoryRequest body, MinshengDb db, AuditLog audit, CurrentUser me, CancellationToken ct)
    {
        me.RequireDeploymentAdmin();
        new FieldErrors().Text("name", body.Name, "分类名称", 100).ThrowIfAny();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var category = await db.Categories.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (category is null) return TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "分类不存在" });
        category.Rename(body.Name!.Trim());
        if (body.Active == false) category.Deactivate();
        await audit.AppendAsync(me.Username, "category.update", "category", category.Code, category.Name, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(View(category));
    }

    private static CategoryView View(Category c) => new(c.Id, c.Code, c.Name, c.ParentId, c.Active);
}
