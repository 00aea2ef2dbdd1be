using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace Complaints.Api.Tests.Infrastructure;

/// <summary>
/// The built service as its own process (dotnet Complaints.Api.dll) on real ports, for what an in-memory host
/// cannot show: signals, a second listening port, the console log.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ServiceProcess(Process process, int port, int metricsPort)
    {
        _process = process;
        Port = port;
        MetricsPort = metricsPort;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { _output.Enqueue(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { _output.Enqueue(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Port { get; }

    public int ProcessId => _process.Id;

    public int MetricsPort { get; }

    public HttpClient Client { get; }

    public IReadOnlyCollection<string> Output => _output;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public static async Task<ServiceProcess> StartAsync(string connectionString, IDictionary<string, string> settings)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        var folder = Path.Combine(RepoPaths.Root, "api", "Complaints.Api", "bin", configuration, "net10.0");
        var port = PrivateRedis.FreePort();
        var metricsPort = PrivateRedis.FreePort();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(folder, "Complaints.Api.dll")])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port};http://127.0.0.1:{metricsPort}";
        start.Environment["Metrics__Port"] = $"{metricsPort}";
        start.Environment["ConnectionStrings__Complaints"] = connectionString;
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var service = new ServiceProcess(Process.Start(start)!, port, metricsPort);
        var until = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < until && !service.HasExited)
        {
            try
            {
                if ((await service.Client.GetAsync("/healthz/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return service;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(250);
        }

        var log = string.Join('\n', service.Output.TakeLast(30));
        await service.DisposeAsync();
        throw new InvalidOperationException($"the service did not become ready:\n{log}");
    }

    /// <summary>SIGTERM, as Kubernetes stops a pod.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        kill.WaitForExit();
    }

    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
