using System.Net.Http.Headers;
using System.Text.Json;
using Alba;
using Complaints.Api.Tests.Infrastructure;

namespace Complaints.Api.Tests.Evidence;

internal static class EvidenceUploads
{
    public const string Url = "/api/v1/evidence";

    public static MultipartFormDataContent Form(byte[] bytes, string fileName = "evidence.bin", string contentType = "application/octet-stream", string field = "file")
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return new MultipartFormDataContent { { file, field, fileName } };
    }

    /// <summary>Uploads and expects <paramref name="status"/>; the caller reads the body.</summary>
    public static Task<IScenarioResult> UploadAsync(this IAlbaHost host, string token, byte[] bytes, int status,
        string fileName = "evidence.bin", string contentType = "application/octet-stream") =>
        host.Scenario(s =>
        {
            s.Post.MultipartFormData(Form(bytes, fileName, contentType)).ToUrl(Url);
            s.WithToken(token);
            s.StatusCodeShouldBe(status);
        });

    /// <summary>Uploads and expects 201; returns the response body.</summary>
    public static async Task<JsonElement> UploadOkAsync(this IAlbaHost host, string token, byte[] bytes, string fileName = "evidence.bin")
    {
        var result = await host.UploadAsync(token, bytes, 201, fileName);
        var body = JsonDocument.Parse(await result.ReadAsTextAsync()).RootElement;
        Assert.Equal($"{Url}/{body.GetProperty("id").GetString()}", result.Context.Response.Headers.Location.ToString());
        return body;
    }

    public static async Task<(byte[] Bytes, string? ContentType)> DownloadAsync(this IAlbaHost host, string token, string url)
    {
        var result = await host.Scenario(s => { s.Get.Url(url); s.WithToken(token); s.StatusCodeShouldBeOk(); });
        var body = result.Context.Response.Body;
        if (body.CanSeek)
        {
            body.Position = 0;
        }

        using var copy = new MemoryStream();
        await body.CopyToAsync(copy);
        return (copy.ToArray(), result.Context.Response.ContentType);
    }
}
