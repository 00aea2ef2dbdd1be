using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Complaints.Api.Tests.Infrastructure;
using YamlDotNet.Serialization;

namespace Complaints.Api.Tests.Deployment;

/// <summary>
/// One overlay of k8s/ as <c>kubectl kustomize</c> renders it. Built-in kinds are parsed strictly with the
/// Kubernetes client's models (an unknown or misspelt field fails); the CloudNativePG and Prometheus-operator
/// kinds, validated against their schemas by ./test.sh (k8s/tools/validate.mjs), are kept as JSON.
/// </summary>
public sealed class RenderedManifests
{
    private static readonly string[] CustomGroups = ["postgresql.cnpg.io/", "monitoring.coreos.com/"];

    private RenderedManifests(string overlay, List<object> builtIn, List<JsonObject> custom)
    {
        Overlay = overlay;
        BuiltIn = builtIn;
        Custom = custom;
    }

    public string Overlay { get; }

    public List<object> BuiltIn { get; }

    public List<JsonObject> Custom { get; }

    public IEnumerable<T> All<T>() => BuiltIn.OfType<T>();

    public T One<T>(string name) where T : IKubernetesObject<V1ObjectMeta> =>
        All<T>().SingleOrDefault(o => o.Metadata.Name == name) ?? throw new Xunit.Sdk.XunitException($"{Overlay}: no {typeof(T).Name} {name}");

    public IEnumerable<JsonObject> Kind(string kind) => Custom.Where(c => (string?)c["kind"] == kind);

    private static readonly Dictionary<string, RenderedManifests> Cache = [];

    public static RenderedManifests Of(string overlay)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(overlay, out var rendered))
            {
                rendered = Parse(overlay, Kustomize(overlay));
                Cache[overlay] = rendered;
            }

            return rendered;
        }
    }

    public static string Kustomize(string overlay)
    {
        var start = new ProcessStartInfo("kubectl", ["kustomize", Path.Combine(RepoPaths.Root, "k8s", "overlays", overlay)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"kubectl kustomize k8s/overlays/{overlay} failed: {error.Result}");
        return output.Result;
    }

    private static RenderedManifests Parse(string overlay, string yaml)
    {
        var builtIn = new List<object>();
        var custom = new List<JsonObject>();
        var generic = new DeserializerBuilder().Build();
        foreach (var document in yaml.Split("\n---\n").Where(d => !string.IsNullOrWhiteSpace(d)))
        {
            var asObject = generic.Deserialize<object>(document);
            var json = JsonNode.Parse(JsonSerializer.Serialize(asObject))!.AsObject();
            var apiVersion = (string)json["apiVersion"]!;
            if (CustomGroups.Any(apiVersion.StartsWith))
            {
                custom.Add(json);
            }
            else
            {
                // strict: an unknown field is an error, as the API server's strict field validation would say.
                builtIn.AddRange(KubernetesYaml.LoadAllFromString(document, strict: true));
            }
        }

        return new RenderedManifests(overlay, builtIn, custom);
    }
}
