using Minsheng.Features.Knowledge;

// In the root namespace so the app's one registration line and one mapping line need no using.
namespace Minsheng;

public static class KnowledgeSetup
{
    public static IServiceCollection AddKnowledge(this IServiceCollection services)
    {
        services.AddSingleton<KnowledgeIndex>();
        services.AddScoped<KnowledgeBase>();
        services.AddOptions<DirectAnswerSettings>().BindConfiguration(DirectAnswerSettings.Section);
        return services;
    }

    public static void MapKnowledge(this IEndpointRouteBuilder app) => app.MapKnowledgeApi();
}
