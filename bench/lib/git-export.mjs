// Export one commit of the checkout into a directory with `git archive`, without touching the checkout
// (no checkout, stash or worktree): the way bench/ranking/run.mjs measures HEAD. node_modules is linked
// from the checkout, so the export bundles with the same toolchain.
import { execFileSync, execSync } from "node:child_process";
import { mkdirSync, rmSync, symlinkSync } from "node:fs";
import path from "node:path";

/** Returns the short commit id the ref resolved to. */
export function exportCommit({ root, ref, dir }) {
  const commit = execFileSync("git", ["rev-parse", "--verify", "--short", `${ref}^{commit}`], { cwd: root, encoding: "utf8" }).trim();
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execSync(`git archive ${commit} | tar -x -C ${JSON.stringify(dir)}`, { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
  symlinkSync(path.join(root, "node_modules"), path.join(dir, "node_modules"), "dir");
  return commit;
}
