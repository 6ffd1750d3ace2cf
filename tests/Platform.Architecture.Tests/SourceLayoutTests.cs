using System.Text.RegularExpressions;
using NUnit.Framework;

namespace Platform.Architecture.Tests;

/// <summary>One type per file, in a file named after it, so every type is found by its name.</summary>
[TestFixture]
public partial class SourceLayoutTests
{
    [Test]
    public void Every_source_file_declares_one_top_level_type_named_like_the_file()
    {
        var files = SourceFiles().ToList();
        var violations = new List<string>();
        foreach (var file in files)
        {
            var types = TopLevelType().Matches(File.ReadAllText(file)).Select(m => m.Groups["name"].Value).ToList();
            var expected = Path.GetFileNameWithoutExtension(file);
            if (expected == "Program")
            {
                continue; // top-level statements plus the partial Program class the API tests need
            }

            if (types.Count != 1 || types[0] != expected)
            {
                violations.Add($"{Path.GetRelativePath(RepoRoot(), file)}: declares [{string.Join(", ", types)}]");
            }
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(files, Has.Count.GreaterThan(300), "source files were not found: the rule would pass vacuously");
            Assert.That(violations, Is.Empty);
        }
    }

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(Path.Combine(RepoRoot(), "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.EndsWith(".sql.cs", StringComparison.Ordinal));

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Platform.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Platform.sln not found above the test directory.");
    }

    /// <summary>A type declared at column 0, which with file-scoped namespaces means a top-level type.</summary>
    [GeneratedRegex(@"^(?:public|internal|file)(?: (?:sealed|static|abstract|partial|readonly|ref))* (?:class|record struct|record class|record|interface|enum|struct) (?<name>\w+)", RegexOptions.Multiline)]
    private static partial Regex TopLevelType();
}
