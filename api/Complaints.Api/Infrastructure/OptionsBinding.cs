using Microsoft.Extensions.Options;

namespace Complaints.Api.Infrastructure;

/// <summary>
/// Options are bound one way (#15 item 6): from their configuration section, checked against their data annotations
/// and any rule added with <c>.Validate(...)</c>, at start, so a wrong setting stops the service before it takes traffic.
/// Code that needs a setting while registering services reads it through <c>IOptions&lt;T&gt;</c> in a
/// <c>Configure&lt;IOptions&lt;T&gt;&gt;</c> step, never with <c>configuration.Get&lt;T&gt;()</c>.
/// </summary>
public static class OptionsBinding
{
    public static OptionsBuilder<T> AddValidatedOptions<T>(this IServiceCollection services, string section)
        where T : class =>
        services.AddOptions<T>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
}
