// Every word the app shows or speaks lives in this folder — one module, split by screen so no
// file grows past a screenful — so wording is reviewed in one place and the labels tests click
// are the labels users see. Plain language: patients read these at home.
export * from './app';
export * from './connect';
export * from './live';
export * from './recording';
export * from './exercises';
export * from './cues';
export * from './game';
export * from './history';
export * from './modes';
export * from './home';
export * from './report';
