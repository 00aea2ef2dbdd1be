using System.Text;
using Complaints.Api.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Complaints.Api.Auth;

public static class AuthSetup
{
    public static IServiceCollection AddApiAuth(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddValidatedOptions<AuthOptions>(AuthOptions.Section);
        services.AddSingleton<ValidatedTokenCache>();
        services.AddScoped<IClaimsTransformation, ServiceAccountClaims>();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<IOptions<AuthOptions>>((jwt, auth) =>
        {
            var options = auth.Value;
            jwt.MapInboundClaims = false;
            jwt.Events = ValidatedTokenCache.Events();
            var remember = jwt.Events.OnTokenValidated;
            jwt.Events.OnTokenValidated = context =>
            {
                var missing = context.Principal is null ? ClaimNames.Subject : RequiredClaims.FindMissing(context.Principal);
                if (missing is not null)
                {
                    context.Fail($"The token lacks the claim its role needs: {missing}.");
                    return Task.CompletedTask;
                }

                return remember(context);
            };
            jwt.Audience = options.Audience;
            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                ValidateIssuer = true,
                ValidIssuer = options.Issuer,
                ValidateAudience = true,
                ValidAudience = options.Audience,
                ValidateLifetime = true,
                RequireExpirationTime = true,
                ValidateIssuerSigningKey = true,
                ClockSkew = TimeSpan.FromSeconds(30),
                NameClaimType = ClaimNames.Subject,
                RoleClaimType = ClaimNames.Role,
            };

            if (!string.IsNullOrWhiteSpace(options.Authority))
            {
                // Production: keys come from the identity platform's JWKS.
                jwt.Authority = options.Authority;
                jwt.RequireHttpsMetadata = options.RequireHttpsMetadata;
                jwt.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.EcdsaSha256];
            }
            else if (environment.IsDevelopment() && !string.IsNullOrWhiteSpace(options.DevelopmentSigningKey))
            {
                jwt.TokenValidationParameters.IssuerSigningKey = DevelopmentKey(options);
                jwt.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];
            }
            else
            {
                throw new InvalidOperationException(
                    "Auth:Authority must be configured outside Development (a symmetric signing key is accepted only in Development).");
            }
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Authenticated, p => p.RequireAuthenticatedUser())
            .AddPolicy(Policies.Complainant, p => p.RequireRole(Policies.RolesByPolicy[Policies.Complainant]))
            .AddPolicy(Policies.Agency, p => p.RequireRole(Policies.RolesByPolicy[Policies.Agency]).RequireClaim(ClaimNames.AgencyId))
            .AddPolicy(Policies.Management, p => p.RequireRole(Policies.RolesByPolicy[Policies.Management]).RequireClaim(ClaimNames.RegionCode))
            .AddPolicy(Policies.Casework, p => p.RequireRole(Policies.RolesByPolicy[Policies.Casework]))
            .AddPolicy(Policies.Registrar, p => p.RequireRole(Policies.RolesByPolicy[Policies.Registrar]))
            .AddPolicy(Policies.Officer, p => p.RequireAuthenticatedUser().RequireAssertion(c => c.User.Identity?.IsAuthenticated == true && Caller.From(c.User).IsOfficer))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Policies.RolesByPolicy[Policies.Admin]));
        return services;
    }

    public static SymmetricSecurityKey DevelopmentKey(AuthOptions options) =>
        new(Encoding.UTF8.GetBytes(options.DevelopmentSigningKey ?? throw new InvalidOperationException("Auth:DevelopmentSigningKey is not set.")));
}
