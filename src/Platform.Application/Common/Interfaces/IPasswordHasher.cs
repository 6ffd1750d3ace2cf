namespace Platform.Application.Common.Interfaces;

public interface IPasswordHasher
{
    string Hash(string password);

    /// <summary>Checks a password. Also runs for unknown accounts (against a dummy hash) so timing reveals nothing.</summary>
    bool Verify(string hash, string password);

    /// <summary>A valid hash of a random password, for constant-time rejection of unknown accounts.</summary>
    string DummyHash { get; }
}
