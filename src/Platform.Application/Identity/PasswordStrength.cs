using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Platform.Application.Common.Errors;
using Zxcvbn.Matcher;

namespace Platform.Application.Identity;

/// <summary>
/// The strength rule for a new password (registration, change, reset), on top of the length rule the validators
/// check: zxcvbn's score must reach <see cref="AuthOptions.PasswordMinimumScore"/>, with the account's own name and
/// email given to it as words to penalise, and the password must not contain the email's local part or the display
/// name. Existing passwords are never re-checked. The refusal is 400 <c>validation.failed</c> on the field, with
/// zxcvbn's findings as messages; the messages never repeat a part of the password.
/// </summary>
/// <remarks>
/// zxcvbn-core 1.1.17 has no feedback text of its own, so the messages are written here from what it matched
/// (common passwords, words and names, keyboard patterns, sequences, repeats, dates) and its crack-time estimate.
/// An evaluator is not documented as thread-safe, so each call borrows one from a small pool; building one costs
/// about 15 ms, evaluating 1-3 ms (tens of ms for 128 repeated characters).
/// </remarks>
internal sealed class PasswordStrength(IOptions<AuthOptions> options)
{
    /// <summary>Names and local parts shorter than this are too common as substrings to refuse a password over.</summary>
    private const int MinimumPersonalPartLength = 4;

    private readonly ConcurrentBag<Zxcvbn.Zxcvbn> evaluators = [];

    /// <summary>Throws 400 <c>validation.failed</c> on <paramref name="field"/> when the password is too weak.</summary>
    public void Ensure(string field, string password, string email, string displayName)
    {
        if (Problems(password, email, displayName) is { Count: > 0 } problems)
        {
            throw new RequestValidationException(new Dictionary<string, string[]> { [field] = [.. problems] });
        }
    }

    /// <summary>What is wrong with the password, empty when it is strong enough.</summary>
    public IReadOnlyList<string> Problems(string password, string email, string displayName)
    {
        ArgumentNullException.ThrowIfNull(password);
        var localPart = (email ?? string.Empty).Split('@')[0].Trim();
        var name = (displayName ?? string.Empty).Trim();
        var personal = new[] { localPart, name }
            .Concat(name.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(p => p.Length >= MinimumPersonalPartLength)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();

        var problems = new List<string>();
        if (new[] { localPart, name }.Any(p => p.Length >= MinimumPersonalPartLength && password.Contains(p, StringComparison.OrdinalIgnoreCase)))
        {
            problems.Add("password must not contain your name or the part of your email address before the @.");
        }

        var minimum = options.Value.PasswordMinimumScore;
        var result = Evaluate(password, personal);
        if (result.Score < minimum)
        {
            problems.Add($"password is too easy to guess (strength {result.Score} of 4, at least {minimum} is needed; an attacker would need {result.CrackTimeDisplay} to guess it).");
            problems.AddRange(Findings(result.MatchSequence));
            problems.Add("Use a longer passphrase of several uncommon words, or a password manager's random password.");
        }

        return problems;
    }

    private static IEnumerable<string> Findings(IEnumerable<Zxcvbn.Match> matches)
    {
        var findings = new List<string>();
        foreach (var match in matches)
        {
            var finding = match switch
            {
                DictionaryMatch { DictionaryName: "user_inputs" } => "It contains your name or email address.",
                DictionaryMatch { DictionaryName: "passwords" } => "It is, or contains, one of the most common passwords.",
                DictionaryMatch { DictionaryName: "male_names" or "female_names" or "surnames" } => "It contains common names.",
                DictionaryMatch => "It is made of common words.",
                SpatialMatch => "It contains a keyboard pattern, such as qwerty.",
                SequenceMatch => "It contains a sequence, such as abc or 123.",
                RepeatMatch => "It repeats characters or words.",
                DateMatch => "It contains a date or a year.",
                _ => null,
            };
            if (finding is not null && !findings.Contains(finding, StringComparer.Ordinal))
            {
                findings.Add(finding);
            }
        }

        return findings;
    }

    private Zxcvbn.Result Evaluate(string password, IEnumerable<string> personal)
    {
        var evaluator = evaluators.TryTake(out var pooled) ? pooled : new Zxcvbn.Zxcvbn(Zxcvbn.Translation.English);
        try
        {
            return evaluator.EvaluatePassword(password, personal);
        }
        finally
        {
            evaluators.Add(evaluator);
        }
    }
}
