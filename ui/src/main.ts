import { mount } from "svelte";
import { markStartup } from "./lib/startup";
import "./app.css";
import App from "./App.svelte";
import { app } from "./lib/app.svelte";
import { readOpening } from "./lib/library/opening";

const target = document.getElementById("app");
markStartup("script runs");
if (!target) throw new Error("index.html lacks #app");
// The library's first films are asked for before mounting, so the first frame already has them.
void readOpening(app.route.name === "library" ? app.libraryGroup : "none").finally(() => {
  mount(App, { target });
  markStartup("app mounted");
});
