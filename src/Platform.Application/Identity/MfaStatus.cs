using Microsoft.Extensions.Options;

namespace Platform.Application.Identity;

internal static class MfaStatus
{
    public static MfaStatusDto Of(MfaState? state, IEnumerable<string> roles, IOptions<AuthOptions> options) =>
        state is { IsConfirmed: true }
            ? new MfaStatusDto(true, state.ConfirmedAt, state.RecoveryCodesRemaining, SecondFactorGate.IsRequiredFor(roles, options.Value))
            : new MfaStatusDto(false, null, 0, SecondFactorGate.IsRequiredFor(roles, options.Value));
}
