using Platform.Architecture.Tests.Canaries.Features.Common;
using Platform.Architecture.Tests.Canaries.Features.Identity;

namespace Platform.Architecture.Tests.Canaries.Features.Tickets;

// Rule 5 canaries: each "UsesIdentityVia*" type reaches into the Identity feature through one channel only.
public sealed class CanaryTicket
{
    public string Subject { get; } = "printer";
}

// Good: own feature and the shared Common namespace only.
public sealed class UsesOwnFeatureAndCommon(CanaryClock clock)
{
    public CanaryTicket Open() => new();

    public DateTimeOffset When() => clock.Now;
}

public sealed class UsesIdentityViaField
{
#pragma warning disable CS0169, IDE0044, IDE0051 // the unused field is the point of the canary
    private CanaryUser? user;
#pragma warning restore CS0169, IDE0044, IDE0051
}

public sealed class UsesIdentityViaProperty
{
    public static CanaryUser? Owner => null;
}

public sealed class UsesIdentityViaParameter
{
    public static bool Accepts(CanaryUser? user) => user is null;
}

public sealed class UsesIdentityViaReturn
{
    public static CanaryUser? Find() => null;
}

public sealed class UsesIdentityViaConstructor
{
    public UsesIdentityViaConstructor(CanaryUser? user) => IsAnonymous = user is null;

    public bool IsAnonymous { get; }
}

public sealed class UsesIdentityViaBaseType : CanaryUser;

public sealed class UsesIdentityViaInterface : ICanaryUserLookup
{
    public string Describe() => "ticket";
}

public sealed class UsesIdentityViaGenericArgument
{
    public static Task<IReadOnlyList<string>> Names(IEnumerable<KeyValuePair<int, CanaryUser[]>> users) =>
        Task.FromResult<IReadOnlyList<string>>([.. users.Select(u => u.Key.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
}

public sealed class UsesIdentityViaMethodBody
{
    public static string Describe() => typeof(CanaryUser).FullName ?? string.Empty;
}

public sealed class UsesIdentityViaAsyncLocal
{
    public static async Task<int> CountAsync()
    {
        var user = new CanaryUser();
        await Task.Yield();
        return user.Name.Length;
    }
}
