using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Platform.Api.Http;
using Platform.Application.Common.Security;
using Platform.Application.Identity;
using Platform.Application.Identity.Commands.ConfirmTotpEnrolment;
using Platform.Application.Identity.Commands.DisableTotp;
using Platform.Application.Identity.Commands.ResealMfaSecrets;
using Platform.Application.Identity.Commands.ResetUserMfa;
using Platform.Application.Identity.Commands.StartTotpEnrolment;
using Platform.Application.Identity.Commands.VerifySecondFactor;
using Platform.Application.Identity.Queries.GetMfaStatus;

namespace Platform.Api.Endpoints;

/// <summary>
/// Two-factor sign-in: setting up and turning off an authenticator app, completing a sign-in with its code or a
/// recovery code, and the admin reset. Every response that carries a secret, a recovery code or a token is
/// <c>no-store</c>.
/// </summary>
internal static class MfaEndpoints
{
    public static void MapMfaEndpoints(this IEndpointRouteBuilder app)
    {
        var mfa = app.MapGroup("/api/v1/auth/mfa").WithTags("Auth");
        mfa.MapGet("", GetMfaStatus).WithName(nameof(GetMfaStatus)).RequireAuthorization().Produces<MfaStatusDto>().ApiProblems(401, 429);

        // Anonymous at the HTTP layer: an account that must enrol has no session yet, only an enrolment mfa_token.
        mfa.MapPost("/totp", StartTotpEnrolment).WithName(nameof(StartTotpEnrolment)).RequireAuthRateLimit(UserOf).AllowAnonymous().SendsTokens()
            .Produces<TotpEnrolmentDto>().ApiProblems(400, 401, 409, 415, 429);
        mfa.MapPost("/totp/confirm", ConfirmTotpEnrolment).WithName(nameof(ConfirmTotpEnrolment)).RequireAuthRateLimit(UserOf).AllowAnonymous().SendsTokens()
            .Produces<RecoveryCodesDto>().ApiProblems(400, 401, 409, 415, 429);
        mfa.MapPost("/totp/disable", DisableTotp).WithName(nameof(DisableTotp)).RequireAuthorization().RequireAuthRateLimit(UserOf)
            .Produces<MfaStatusDto>().ApiProblems(400, 401, 403, 409, 415, 429);
        mfa.MapPost("/verify", VerifySecondFactor).WithName(nameof(VerifySecondFactor)).RequireAuthRateLimit().AllowAnonymous().SendsTokens()
            .Produces<TokenDto>().ApiProblems(400, 401, 403, 415, 429);

        app.MapPost("/api/v1/admin/users/{id:guid}/mfa/reset", ResetUserMfa).WithName(nameof(ResetUserMfa)).WithTags("Admin").RequireAuthorization()
            .Produces<MfaStatusDto>().ApiProblems(400, 401, 403, 404, 409, 422);
        app.MapPost("/api/v1/admin/mfa/reseal", ResealMfaSecrets).WithName(nameof(ResealMfaSecrets)).WithTags("Admin").RequireAuthorization()
            .Produces<MfaResealDto>().ApiProblems(400, 401, 403, 409, 422);
    }

    /// <summary>The signed-in user, for the per-account limit; null (the per-IP limit alone) for an enrolment by mfa_token.</summary>
    private static string? UserOf(EndpointFilterInvocationContext context) => context.HttpContext.User.FindFirst(PlatformClaims.Subject)?.Value;

    public static async Task<Ok<MfaStatusDto>> GetMfaStatus(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetMfaStatusQuery(), cancellationToken));

    public static async Task<Ok<TotpEnrolmentDto>> StartTotpEnrolment(
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] MfaTokenRequest? request,
        IMediator mediator,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new StartTotpEnrolmentCommand(request?.MfaToken), cancellationToken));

    public static async Task<Ok<RecoveryCodesDto>> ConfirmTotpEnrolment(ConfirmTotpRequest request, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ConfirmTotpEnrolmentCommand(request.Code ?? string.Empty, request.MfaToken, request.CurrentPassword), cancellationToken));

    public static async Task<Ok<MfaStatusDto>> DisableTotp(DisableTotpRequest request, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new DisableTotpCommand(request.CurrentPassword ?? string.Empty, request.Code, request.RecoveryCode), cancellationToken));

    public static async Task<Ok<TokenDto>> VerifySecondFactor(VerifySecondFactorRequest request, HttpContext context, IMediator mediator)
    {
        var userAgent = context.Request.Headers.UserAgent.ToString();
        var tokens = await mediator.Send(
            new VerifySecondFactorCommand(request.MfaToken ?? string.Empty, request.Code, request.RecoveryCode, userAgent.Length == 0 ? null : userAgent),
            context.RequestAborted);
        return TypedResults.Ok(request.UseCookie == true ? RefreshCookie.Set(context, tokens) : tokens);
    }

    public static async Task<IResult> ResealMfaSecrets(HttpContext context, IMediator mediator) =>
        IdempotencyHttp.Ok(context, await mediator.Send(new ResealMfaSecretsCommand(IdempotencyHttp.Key(context)), context.RequestAborted));

    public static async Task<IResult> ResetUserMfa(Guid id, HttpContext context, IMediator mediator) =>
        IdempotencyHttp.Ok(context, await mediator.Send(new ResetUserMfaCommand(id, IdempotencyHttp.Key(context)), context.RequestAborted));
}
