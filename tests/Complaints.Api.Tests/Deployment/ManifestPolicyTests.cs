using System.Text.Json.Nodes;
using k8s.Models;

namespace Complaints.Api.Tests.Deployment;

/// <summary>
/// What issue #12 asks of the manifests, checked on what kustomize renders for each overlay: probes, limits,
/// the restricted security context, pinned images, no secret material, PDB and HPA bounds, default-deny
/// network policies, the migration Job, the CloudNativePG cluster and the alerts.
/// </summary>
public sealed class ManifestPolicyTests
{
    public static TheoryData<string> Overlays => new() { "dev", "prod" };

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_workload_has_probes_limits_and_a_restricted_security_context(string overlay)
    {
        var m = RenderedManifests.Of(overlay);
        foreach (var (name, pod) in PodSpecs(m))
        {
            Assert.False(pod.AutomountServiceAccountToken ?? true, $"{name}: service-account token mounted");
            Assert.True(pod.SecurityContext?.RunAsNonRoot == true, $"{name}: runAsNonRoot");
            Assert.Equal("RuntimeDefault", pod.SecurityContext?.SeccompProfile?.Type);
            foreach (var c in pod.Containers.Concat(pod.InitContainers ?? []))
            {
                var where = $"{overlay} {name}/{c.Name}";
                Assert.True(c.SecurityContext?.ReadOnlyRootFilesystem == true, $"{where}: readOnlyRootFilesystem");
                Assert.True(c.SecurityContext?.AllowPrivilegeEscalation == false, $"{where}: allowPrivilegeEscalation");
                Assert.False(c.SecurityContext?.Privileged ?? false, $"{where}: privileged");
                Assert.Equal(["ALL"], c.SecurityContext?.Capabilities?.Drop ?? []);
                Assert.Null(c.SecurityContext?.Capabilities?.Add);
                foreach (var resource in new[] { "cpu", "memory" })
                {
                    Assert.True(c.Resources?.Requests?.ContainsKey(resource) == true, $"{where}: no {resource} request");
                    Assert.True(c.Resources?.Limits?.ContainsKey(resource) == true, $"{where}: no {resource} limit");
                }

                Assert.Matches(@"^[\w.\-/:]+:[\w.\-]+$", c.Image);
                Assert.False(c.Image.EndsWith(":latest", StringComparison.Ordinal), $"{where}: latest tag");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void The_api_probes_health_rolls_without_unavailability_spreads_over_nodes_and_drains_before_it_is_killed(string overlay)
    {
        var m = RenderedManifests.Of(overlay);
        var deployment = m.One<V1Deployment>("complaints-api");
        var pod = deployment.Spec.Template.Spec;
        var api = pod.Containers.Single(c => c.Name == "api");

        Assert.Equal("RollingUpdate", deployment.Spec.Strategy.Type);
        Assert.Equal("0", deployment.Spec.Strategy.RollingUpdate.MaxUnavailable.Value);
        Assert.StartsWith("/healthz/", api.StartupProbe.HttpGet.Path);
        Assert.Equal("/healthz/ready", api.ReadinessProbe.HttpGet.Path);
        Assert.Equal("/healthz/live", api.LivenessProbe.HttpGet.Path);
        Assert.Contains(pod.TopologySpreadConstraints, t => t.TopologyKey == "kubernetes.io/hostname" && t.WhenUnsatisfiable == "DoNotSchedule");
        Assert.Contains(api.VolumeMounts, v => v.MountPath == "/tmp" && pod.Volumes.Single(x => x.Name == v.Name).EmptyDir is not null);

        // Readiness turns 503, the drain delay lets endpoints update, in-flight requests get their time: all before SIGKILL.
        var config = m.One<V1ConfigMap>("complaints-api").Data;
        var drain = TimeSpan.Parse(config["Shutdown__DrainDelay"], System.Globalization.CultureInfo.InvariantCulture);
        var inFlight = TimeSpan.Parse(config["Shutdown__Timeout"], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(inFlight >= TimeSpan.FromSeconds(20));
        Assert.True(pod.TerminationGracePeriodSeconds >= (drain + inFlight).TotalSeconds + 5, $"grace {pod.TerminationGracePeriodSeconds}s < {drain + inFlight} + 5 s");
        Assert.Equal(overlay == "prod" ? 3 : 1, deployment.Spec.Replicas);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Replicas_never_migrate_the_migration_job_does_and_new_pods_wait_for_it(string overlay)
    {
        var m = RenderedManifests.Of(overlay);
        Assert.Equal("false", m.One<V1ConfigMap>("complaints-api").Data["Database__MigrateOnStartup"]);
        var pod = m.One<V1Deployment>("complaints-api").Spec.Template.Spec;
        Assert.DoesNotContain(pod.Containers.Concat(pod.InitContainers).SelectMany(c => c.Env ?? []), e => e.Name == "Database__MigrateOnStartup");
        Assert.Contains(pod.InitContainers, c => c.Args.Contains("--Database:Command=wait-for-schema"));
        var job = Assert.Single(m.All<V1Job>());
        Assert.Equal(["--Database:Command=migrate"], job.Spec.Template.Spec.Containers.Single().Args);
        Assert.Equal(pod.Containers.Single(c => c.Name == "api").Image, job.Spec.Template.Spec.Containers.Single().Image);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Secrets_are_only_referenced_never_committed(string overlay)
    {
        var m = RenderedManifests.Of(overlay);
        Assert.Empty(m.All<V1Secret>());
        foreach (var config in m.All<V1ConfigMap>())
        {
            Assert.DoesNotContain(config.Data, kv => kv.Key.Contains("Password", StringComparison.OrdinalIgnoreCase)
                || kv.Key.Contains("Secret", StringComparison.OrdinalIgnoreCase) || kv.Key.Contains("Privacy__Keys", StringComparison.Ordinal)
                || kv.Value.Contains("Password=", StringComparison.OrdinalIgnoreCase));
        }

        foreach (var (name, pod) in PodSpecs(m))
        {
            foreach (var env in pod.Containers.Concat(pod.InitContainers ?? []).SelectMany(c => c.Env ?? []))
            {
                Assert.False(env.Value?.Contains("Password=", StringComparison.Ordinal) == true && !env.Value.Contains("Password=$(", StringComparison.Ordinal),
                    $"{name}: {env.Name} carries a literal password");
            }
        }
    }

    [Fact]
    public void Production_keeps_at_least_three_replicas_the_budget_lets_a_node_drain_and_the_pools_fit_the_database()
    {
        var m = RenderedManifests.Of("prod");
        var hpa = m.One<V2HorizontalPodAutoscaler>("complaints-api");
        var pdb = m.One<V1PodDisruptionBudget>("complaints-api");
        Assert.True(hpa.Spec.MinReplicas >= 3);
        Assert.True(hpa.Spec.MaxReplicas >= hpa.Spec.MinReplicas);
        var minAvailable = int.Parse(pdb.Spec.MinAvailable.Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(minAvailable, 1, hpa.Spec.MinReplicas!.Value - 1);
        Assert.Equal("complaints-api", hpa.Spec.ScaleTargetRef.Name);

        var connection = m.One<V1Deployment>("complaints-api").Spec.Template.Spec.Containers.Single(c => c.Name == "api").Env
            .Single(e => e.Name == "ConnectionStrings__Complaints").Value;
        Assert.Contains("Target Session Attributes=primary", connection);
        var pool = int.Parse(System.Text.RegularExpressions.Regex.Match(connection, @"Maximum Pool Size=(\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var cluster = m.Kind("Cluster").Single();
        var maxConnections = int.Parse((string)cluster["spec"]!["postgresql"]!["parameters"]!["max_connections"]!, System.Globalization.CultureInfo.InvariantCulture);
        // Leave room for the migration Job, operators and people: at most 80 % of the connections for the replicas.
        Assert.True(hpa.Spec.MaxReplicas * pool <= maxConnections * 0.8, $"{hpa.Spec.MaxReplicas} x {pool} > 80 % of {maxConnections}");
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Network_policies_deny_by_default_and_open_only_the_needed_flows(string overlay)
    {
        var m = RenderedManifests.Of(overlay);
        var deny = m.One<V1NetworkPolicy>("default-deny");
        Assert.Empty(deny.Spec.PodSelector.MatchLabels ?? new Dictionary<string, string>());
        Assert.Equal(["Ingress", "Egress"], deny.Spec.PolicyTypes);
        Assert.Null(deny.Spec.Ingress);
        Assert.Null(deny.Spec.Egress);

        var api = m.One<V1NetworkPolicy>("complaints-api");
        var from = api.Spec.Ingress.Select(r => (Namespace: r.FromProperty.Single().NamespaceSelector.MatchLabels["kubernetes.io/metadata.name"], Port: r.Ports.Single().Port.Value)).ToList();
        Assert.Equal([("ingress-nginx", "8080"), ("monitoring", "9464")], from);
        var egressPorts = api.Spec.Egress.SelectMany(r => r.Ports).Select(p => p.Port.Value).ToHashSet();
        Assert.Equal(new HashSet<string> { "53", "5432", "6379", "443", "4317" }, egressPorts); // DNS, PostgreSQL, Redis, S3 and identity (HTTPS), OTLP
        Assert.Contains(api.Spec.Egress, r => r.To.Any(t => t.PodSelector?.MatchLabels is { } labels && labels.TryGetValue("cnpg.io/cluster", out var cluster) && cluster == "complaints-db"));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void The_ingress_terminates_tls_takes_a_20_MiB_upload_and_never_routes_the_metrics_port(string overlay)
    {
        var m = RenderedManifests.Of(overlay);
        var ingress = m.One<V1Ingress>("complaints-api");
        Assert.NotEmpty(ingress.Spec.Tls.Single().SecretName);
        Assert.Equal(ingress.Spec.Rules.Single().Host, ingress.Spec.Tls.Single().Hosts.Single());
        var size = ingress.Metadata.Annotations["nginx.ingress.kubernetes.io/proxy-body-size"];
        Assert.True(int.Parse(size.TrimEnd('m'), System.Globalization.CultureInfo.InvariantCulture) > 20, size);
        var backends = ingress.Spec.Rules.SelectMany(r => r.Http.Paths).Select(p => p.Backend.Service).ToList();
        Assert.All(backends, b => Assert.Equal(("complaints-api", "http"), (b.Name, b.Port.Name)));
        var service = m.One<V1Service>("complaints-api");
        Assert.DoesNotContain(service.Spec.Ports, p => p.TargetPort.Value == "metrics" || p.Port == 9464);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void The_database_is_a_CloudNativePG_cluster_with_synchronous_replicas_archived_wal_backups_and_monitoring(string overlay)
    {
        var m = RenderedManifests.Of(overlay);
        var spec = m.Kind("Cluster").Single()["spec"]!;
        Assert.Equal(overlay == "prod" ? 3 : 1, Int(spec["instances"]));
        if (overlay == "prod")
        {
            Assert.True(Int(spec["minSyncReplicas"]) >= 1);
        }

        Assert.NotNull(spec["backup"]!["barmanObjectStore"]!["wal"]);
        Assert.Equal("true", (string?)spec["monitoring"]!["enablePodMonitor"]);
        Assert.Equal("complaints-db", (string?)m.Kind("ScheduledBackup").Single()["spec"]!["cluster"]!["name"]);
        Assert.Empty(m.Kind("Pooler")); // README "Deploying": why there is no PgBouncer in front (prepared statements)
    }

    [Fact]
    public void Prometheus_scrapes_the_metrics_port_and_the_alerts_cover_errors_latency_backlog_outbox_and_the_database()
    {
        var m = RenderedManifests.Of("prod");
        Assert.Equal("metrics", (string?)m.Kind("ServiceMonitor").Single()["spec"]!["endpoints"]![0]!["port"]);
        var rules = m.Kind("PrometheusRule").Single()["spec"]!["groups"]!.AsArray().SelectMany(g => g!["rules"]!.AsArray()).ToList();
        string Expr(string alert) => (string)rules.Single(r => (string?)r!["alert"] == alert)!["expr"]!;
        Assert.Contains("http_response_status_code=~\"5..\"", Expr("ComplaintsHigh5xxRate"));
        Assert.Contains("histogram_quantile(0.99", Expr("ComplaintsHighP99Latency"));
        Assert.Contains("deriv(", Expr("ComplaintsOverdueBacklogGrowing"));
        Assert.Contains("complaints_outbox_oldest_age_seconds) > 600", Expr("ComplaintsOutboxStuck"));
        Assert.Contains("cnpg_collector_up", Expr("ComplaintsDatabaseNotReady"));
    }

    [Fact]
    public void Dev_brings_its_own_Redis_and_S3_compatible_store()
    {
        var m = RenderedManifests.Of("dev");
        Assert.Contains(m.All<V1Deployment>(), d => d.Metadata.Name == "redis");
        Assert.Contains(m.All<V1Deployment>(), d => d.Metadata.Name == "minio");
        Assert.Equal("http://minio:9000", m.One<V1ConfigMap>("complaints-api").Data["Evidence__S3__ServiceUrl"]);
    }

    [Fact]
    public void The_strict_parse_refuses_a_misspelt_field_of_a_built_in_kind()
    {
        // What would pass the JSON schemas (unknown fields are allowed there) but is silently dropped by the API server.
        const string misspelt = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: x
            spec:
              replicas: 1
              selector: {matchLabels: {a: b}}
              template:
                metadata: {labels: {a: b}}
                spec:
                  containers:
                    - name: api
                      image: x:1
                      securityContext: {readOnlyRootFileSystem: true}
            """;
        Assert.ThrowsAny<Exception>(() => k8s.KubernetesYaml.LoadAllFromString(misspelt, strict: true));
        Assert.Single(k8s.KubernetesYaml.LoadAllFromString(misspelt.Replace("FileSystem", "Filesystem", StringComparison.Ordinal), strict: true));
    }

    private static int Int(JsonNode? node) => int.Parse((string)node!, System.Globalization.CultureInfo.InvariantCulture);

    private static IEnumerable<(string Name, V1PodSpec Pod)> PodSpecs(RenderedManifests m) =>
        m.All<V1Deployment>().Select(d => (d.Metadata.Name, d.Spec.Template.Spec))
            .Concat(m.All<V1Job>().Select(j => (j.Metadata.Name, j.Spec.Template.Spec)));
}
