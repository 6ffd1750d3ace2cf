using Platform.Domain.Common;

namespace Platform.Architecture.Tests.Canaries.Entities;

// Rule 7 canaries.
public sealed class PrivateSetterCanaryEntity : Entity
{
    public string Name { get; private set; } = string.Empty;

    public void Rename(string name) => Name = name;
}

public sealed class PublicSetterCanaryEntity : Entity
{
    public string Name { get; set; } = string.Empty;
}

public sealed class InitSetterCanaryEntity : Entity
{
    public string Name { get; init; } = string.Empty;
}

#pragma warning disable CA1051 // the visible field is the point of the canary
public sealed class PublicFieldCanaryEntity : Entity
{
    public string Name = string.Empty;
}
#pragma warning restore CA1051
