namespace Complaints.Api.Tests.Infrastructure;

public static class RepoPaths
{
    /// <summary>The checkout root: the folder holding Complaints.slnx above the test binaries.</summary>
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Complaints.slnx")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("Complaints.slnx not found above " + AppContext.BaseDirectory);
        }
    }
}
