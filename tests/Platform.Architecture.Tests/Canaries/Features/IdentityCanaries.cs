namespace Platform.Architecture.Tests.Canaries.Features.Identity;

public class CanaryUser
{
    public string Name { get; } = "ada";
}

public interface ICanaryUserLookup
{
    string Describe();
}
