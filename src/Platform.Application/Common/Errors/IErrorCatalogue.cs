namespace Platform.Application.Common.Errors;

/// <summary>Every error code a response can carry: the codes of every catalogue (the same list as docs/errors.md).</summary>
public interface IErrorCatalogue
{
    IReadOnlyList<string> Codes { get; }
}
