// Keep a Windows release build from opening a console beside the window.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    heyat_app::run();
}
