var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/healthz/live", () => TypedResults.Ok());
app.Run();

public partial class Program;
