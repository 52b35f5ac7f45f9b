using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Minsheng.Domain.Organization;

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

    private static async Task<List<CategoryView>> List(CategoryAdmin categories, CancellationToken ct) =>
        (await categories.ListAsync(ct)).Select(View).ToList();

    private static async Task<Created<CategoryView>> Create(CreateCategoryRequest body, CategoryAdmin categories, CancellationToken ct)
    {
        var category = await categories.CreateAsync(body, ct);
        return TypedResults.Created($"/api/categories/{category.Id}", View(category));
    }

    private static async Task<Results<Ok<CategoryView>, NotFound<ProblemDetails>>> Update(long id, UpdateCategoryRequest body, CategoryAdmin categories, CancellationToken ct) =>
        await categories.UpdateAsync(id, body, ct) is { } category
            ? TypedResults.Ok(View(category)) : TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "分类不存在" });

    private static CategoryView View(Category c) => new(c.Id, c.Code, c.Name, c.ParentId, c.Active);
}
