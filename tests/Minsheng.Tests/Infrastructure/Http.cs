using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Minsheng.Tests.Infrastructure;

/// <summary>JSON over HTTP for tests: send anonymous objects, read JsonNode, assert status with the body in the message.</summary>
public static class Http
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static Task<HttpResponseMessage> Post(this HttpClient client, string path, object? body = null) =>
        client.PostAsJsonAsync(path, body ?? new { }, Json);

    public static Task<HttpResponseMessage> Put(this HttpClient client, string path, object body) =>
        client.PutAsJsonAsync(path, body, Json);

    public static async Task<JsonNode> Expect(this Task<HttpResponseMessage> call, HttpStatusCode status)
    {
        var response = await call;
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, $"body: {text}");
        return string.IsNullOrEmpty(text) ? new JsonObject() : JsonNode.Parse(text)!;
    }

    public static Task<JsonNode> Expect(this HttpClient client, string path, HttpStatusCode status = HttpStatusCode.OK) =>
        client.GetAsync(path).Expect(status);

    /// <summary>Signs the client in with a bearer token (POST /api/auth/token) and returns it.</summary>
    public static async Task<HttpClient> SignedInAs(this HttpClient client, string username, string password)
    {
        var response = await client.PostAsJsonAsync("/api/auth/token", new { username, password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Creates an appeal as the given desk client and returns its id.</summary>
    public static async Task<long> NewAppeal(this HttpClient desk, TestCounty county, object? overrides = null)
    {
        var body = new JsonObject
        {
            ["channel"] = "Hotline12345",
            ["type"] = "Complaint",
            ["tier"] = "Timely",
            ["categoryId"] = county.Roads.Id,
            ["title"] = "王庄村路灯不亮",
            ["content"] = "王庄村村口的路灯已经坏了两个星期，晚上出行很不方便，请尽快维修。",
            ["regionUnitId"] = county.Village1.Id,
            ["address"] = "城关镇王庄村村口",
            ["citizenName"] = "张三丰",
            ["citizenPhone"] = "13812345678",
            ["citizenAddress"] = "城关镇王庄村12号",
        };
        if (overrides is not null)
            foreach (var (k, v) in JsonSerializer.SerializeToNode(overrides, Json)!.AsObject())
                body[k] = v?.DeepClone();
        var created = await desk.Post("/api/appeals", body).Expect(HttpStatusCode.Created);
        return created["summary"]!["id"]!.GetValue<long>();
    }
}
