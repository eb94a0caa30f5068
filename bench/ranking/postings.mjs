// Test data: job postings in the prose real companies write, each with its TRUTH next to it — the
// facts a recruiter reads out of the prose, kept as data so grades never depend on parsing text.
//
// truth.levels: the acceptable range on the 1–5 scale of occupations.mjs.
// truth.must: canonical skill keys (occupations.mjs SKILLS) the person must have used recently.
// truth.policy: places[] = { city (cities.mjs key), radiusKm } within which a non-remote person may
//   live; remoteCountries = countries a remote hire may live in (null: no remote hires);
//   remoteOnlyOk = whether people who only work remotely are acceptable.
// gen.*: hints for the generator only (where to put this posting's positives and hard negatives).

export const POSTINGS = [
  {
    id: "p01-backend-go-sf",
    title: "Senior Backend Engineer (Go)",
    location: "San Francisco, CA",
    jobDescription: `About us
Carebridge builds scheduling and staffing software for hospitals. Nurses, pharmacists and physicians at more than 400 clinics use our mobile app to swap shifts, and hospital finance teams use our dashboards for payroll and overtime planning.

What you'll do
- Design and run the Go services behind shift matching, notifications and our public API
- Own reliability of the services you build: on-call about one week in six
- Work with product, design and our clinical advisory board (a group of ICU nurses and charge nurses) on what to build next
- Review code, mentor mid-level engineers and improve how we deploy

What you'll bring
- 5+ years building backend systems, with recent production experience in Go
- Kubernetes in production (we run on GKE) and solid PostgreSQL skills: schema design, query tuning, migrations
- You've owned a service end to end, including when it broke at 3am

Bonus points
- gRPC, Kafka or another message bus
- Healthcare or marketplace experience
- Some React, so you can fix a bug in the admin tool

Where: this role is onsite in our San Francisco office (SoMa), four days a week. We are not able to consider fully remote candidates. We do offer relocation within the US.

Perks: medical, dental and vision, a 401(k) match, commuter benefits, and a yearly learning budget.`,
    truth: {
      occupation: "backend_engineer", adjacent: ["fullstack_engineer", "devops_engineer"], levels: { min: 3, max: 3 }, must: ["go", "kubernetes", "postgres"], nice: ["grpc", "kafka", "redis", "docker"],
      policy: { places: [{ city: "sf", radiusKm: 80 }], remoteCountries: null, remoteOnlyOk: false },
    },
    gen: { homes: ["sf", "oakland", "berkeley", "sanjose", "paloalto"], farInState: ["sacramento", "la", "sandiego"], sameName: [], elsewhere: ["seattle", "austin", "nyc"], stack: 0 },
  },
  {
    id: "p02-frontend-react-nyc",
    title: "Frontend Engineer, React",
    location: "New York, NY or Remote (US)",
    jobDescription: `We're Ledgerly, a small team making accounting software that bookkeepers and controllers actually enjoy using. Our web app handles invoices, reconciliations and month-end reporting for about 9,000 small businesses, and the next year is all about the frontend: a faster editor for journal entries, a new reporting canvas and proper keyboard navigation everywhere. You'd join a team of five frontend engineers working closely with two product designers. Day to day you'll write React and TypeScript, care about accessibility and performance, and help us move a few remaining pages off an old jQuery codebase. We think you'll have around three or more years of professional frontend work, shipped React apps that real customers depend on, and strong TypeScript; experience with GraphQL, design systems or data-heavy UIs (tables, charts) is a plus but not required. The team is based in our Flatiron office in New York, and we hire remotely anywhere in the United States; remote teammates come to NYC once a quarter. Salary range $145k–$185k plus equity.`,
    truth: {
      occupation: "frontend_engineer", adjacent: ["fullstack_engineer"], levels: { min: 2, max: 3 }, must: ["react", "typescript"], nice: ["graphql", "a11y", "css", "nextjs"],
      policy: { places: [{ city: "nyc", radiusKm: 60 }], remoteCountries: ["US"], remoteOnlyOk: true },
    },
    gen: { homes: ["nyc", "brooklyn", "jerseycity", "austin", "denver", "chicago", "portlandor"], farInState: [], sameName: [], elsewhere: ["toronto", "london", "berlin"], stack: 0 },
  },
  {
    id: "p03-data-scientist-eu",
    title: "Senior Data Scientist",
    location: "Remote (Europe)",
    jobDescription: `Fernway is a travel marketplace for train journeys across Europe, and we're looking for a senior data scientist to join our pricing and personalisation group, where you will build and ship machine learning models in Python that decide which fares and routes 12 million travellers see, design the A/B tests that tell us whether they work, and write the SQL that feeds them from our warehouse; you should have at least five years of hands-on data science (not only dashboards), be comfortable explaining a model to a product manager and a statistician alike, and ideally know PyTorch or gradient boosting at scale and Spark, while experience in travel, e-commerce or marketplaces is welcome but not required — the role is fully remote within Europe (we have hubs in Amsterdam and Lisbon for those who like an office), but we can only employ people living in European countries, including the UK and Switzerland.`,
    truth: {
      occupation: "data_scientist", adjacent: ["ml_engineer"], levels: { min: 3, max: 4 }, must: ["python", "ml", "sql"], nice: ["abtest", "pytorch", "spark", "stats"],
      policy: { places: [], remoteCountries: ["GB", "IE", "DE", "FR", "NL", "ES", "PT", "PL", "SE", "CH", "IT"], remoteOnlyOk: true },
    },
    gen: { homes: ["amsterdam", "lisbon", "berlin", "london", "madrid", "warsaw", "stockholm", "paris"], farInState: [], sameName: [], wrongRegion: ["nyc", "toronto", "bangalore", "saopaulo"], elsewhere: ["sf", "singapore"], stack: 0 },
  },
  {
    id: "p04-sre-berlin-munich",
    title: "DevOps Engineer / SRE (m/w/d)",
    location: "Berlin or Munich, Germany (hybrid)",
    jobDescription: `Who we are
Voltpark runs charging networks for electric trucks and buses in Germany and Austria. Our software talks to 3,000 chargers, the power grid and fleet operators' dispatch systems.

Your mission
You'll keep the platform that runs all of this fast, safe and boring. You'll work in a platform team of four and support ten product teams.

Our stack
Kubernetes (EKS), Terraform, AWS, Prometheus + Grafana, ArgoCD, GitHub Actions, a bit of Go and Python for tooling. Product teams write Kotlin and TypeScript.

Must haves
* 3+ years running production infrastructure
* Kubernetes in production, not just a course
* Infrastructure as code with Terraform
* AWS

Nice to have
* Observability tooling, incident management, on-call experience
* German (our office language is English)

Working model: hybrid, 3 days a week in our Berlin (Kreuzberg) or Munich (Werksviertel) office. You need to live within commuting distance of one of the two; we cannot offer fully remote contracts.

What we offer: 30 days of holiday, a JobRad bike lease, Deutschlandticket, and a training budget of €2,000 a year.`,
    truth: {
      occupation: "devops_engineer", adjacent: [], levels: { min: 2, max: 3 }, must: ["kubernetes", "terraform", "aws"], nice: ["prometheus", "grafana", "cicd", "oncall", "go", "python"],
      policy: { places: [{ city: "berlin", radiusKm: 50 }, { city: "munich", radiusKm: 50 }], remoteCountries: null, remoteOnlyOk: false },
    },
    gen: { homes: ["berlin", "munich", "potsdam"], farInState: ["hamburg", "frankfurt", "cologne"], sameName: ["berlinnh"], elsewhere: ["amsterdam", "warsaw"], stack: 0 },
  },
  {
    id: "p05-product-designer-london",
    title: "Senior Product Designer",
    location: "London, UK (hybrid)",
    jobDescription: `Kestrel Pay makes invoicing and payments software for UK tradespeople — electricians, plumbers and builders who'd rather be on site than doing paperwork.

The role
You'll be the senior designer on our Payments squad, owning the journey from a quote on a phone to money in the bank. You'll work with a PM, six engineers and our research lead.

About you
- You're a senior product designer (roughly 5+ years) with a portfolio of shipped digital products, not just brand or marketing work
- You live in Figma, and you can take a problem from discovery through user research and prototyping to a polished, tested design
- You've contributed to a design system and care about accessibility
- You're happy talking to customers every week, including on the phone with an electrician in a van

It's not a role for you if you mostly do print, packaging or brand identity — we love that work, we just don't do it here.

We're hybrid: two days a week in our Shoreditch office, the rest wherever you like within the UK. We're unable to sponsor visas.

Benefits: 28 days holiday plus bank holidays, private health insurance, enhanced parental leave, cycle-to-work.`,
    truth: {
      occupation: "product_designer", adjacent: [], levels: { min: 3, max: 3 }, must: ["figma", "uxresearch"], nice: ["prototyping", "designsystems", "usability", "interaction"],
      policy: { places: [{ city: "london", radiusKm: 70 }], remoteCountries: null, remoteOnlyOk: false },
    },
    gen: { homes: ["london"], farInState: ["manchester", "leeds", "edinburgh"], sameName: ["londonon"], elsewhere: ["dublin", "amsterdam"], stack: 0 },
  },
  {
    id: "p06-rn-icu-toronto",
    title: "Registered Nurse – Intensive Care Unit (Full-Time)",
    location: "Toronto, ON",
    jobDescription: `Lakeshore General Hospital is a 600-bed teaching hospital in downtown Toronto. Our Medical-Surgical ICU is a 24-bed closed unit caring for ventilated, post-surgical and trauma patients.

Position: Registered Nurse, ICU — permanent full-time, 12-hour rotating days/nights, including weekends and holidays.

Responsibilities
Provide direct nursing care to critically ill patients, including mechanical ventilation, vasoactive infusions and CRRT; administer medications; document in Epic; work with physicians, respiratory therapists, pharmacists and dietitians; support families.

Qualifications
- Current registration as a Registered Nurse in good standing with the College of Nurses of Ontario (RN class; RPN registration does not meet this requirement)
- Minimum 2 years of recent critical care / ICU experience in an acute care hospital
- Current ACLS and BLS
- Critical Care Nursing certificate or CNA certification in critical care nursing is an asset

This position is onsite at our downtown campus. Lakeshore is a unionized environment (ONA); salary per the collective agreement, with HOOPP pension and benefits.`,
    truth: {
      occupation: "registered_nurse", adjacent: [], levels: { min: 2, max: 3 }, must: ["icu", "acls", "cno"], nice: ["epic", "bls", "telemetry"],
      policy: { places: [{ city: "toronto", radiusKm: 50 }], remoteCountries: null, remoteOnlyOk: false },
    },
    gen: { homes: ["toronto", "mississauga"], farInState: ["londonon", "ottawa"], sameName: [], elsewhere: ["montreal", "vancouver", "boston"], stack: 0 },
  },
  {
    id: "p07-controller-paris",
    title: "Financial Controller / Contrôleur financier",
    location: "Paris, France",
    jobDescription: `Atlas Logistique is a freight and warehousing group (1,100 employees, 14 subsidiaries in France, Belgium and Spain). We are looking for a Financial Controller to join our head office in Paris (La Défense).

Your role:
• Lead the monthly close and the quarterly consolidation of our 14 entities under IFRS
• Prepare the group reporting package for the CFO and the board
• Be the main contact for our statutory auditors
• Manage and develop a team of three accountants
• Improve our processes in SAP S/4HANA and our consolidation tool

Your profile:
• 8+ years in accounting or audit, at least 3 in a controller or accounting-manager role
• Strong IFRS and hands-on group consolidation experience are essential
• Fluent French is required (our subsidiaries and auditors work in French), and professional English
• Big Four audit background appreciated; CPA / DSCG / DEC welcome

Poste basé à Paris – La Défense, sur site (2 jours de télétravail possibles après la période d'essai). Rémunération selon profil + bonus + tickets restaurant.`,
    truth: {
      occupation: "accountant", adjacent: [], levels: { min: 4, max: 4 }, must: ["ifrs", "consolidation", "frenchfluent"], nice: ["sap", "audit", "reporting", "monthend"],
      policy: { places: [{ city: "paris", radiusKm: 50 }], remoteCountries: null, remoteOnlyOk: false },
    },
    gen: { homes: ["paris"], farInState: ["lyon"], sameName: ["paristx"], elsewhere: ["london", "madrid"], stack: 0 },
  },
  {
    id: "p08-ae-emea",
    title: "Account Executive, Mid-Market (EMEA)",
    location: "EMEA (remote)",
    jobDescription: `- Company: Ridgeback Security — we make endpoint security software for companies with 200–5,000 employees; 3,000 customers, Series C
- Role: Account Executive, Mid-Market, covering the UK, Benelux, DACH and the Nordics
- You will: run full-cycle new-business deals (€30k–€150k ARR) from discovery to signature; build pipeline with your SDR; forecast accurately in Salesforce; work with solution engineers on technical evaluations
- You have: 3+ years closing B2B SaaS deals as a quota-carrying AE (SDR experience alone is not enough); a track record against quota you can talk us through; Salesforce daily; MEDDIC or a similar qualification method
- Nice: selling to IT or security buyers; a second European language
- Where: remote anywhere in EMEA, travel to customers and our Dublin office about once a month
- Comp: €70k–€90k base, 50/50 OTE split, uncapped commission`,
    truth: {
      occupation: "account_executive", adjacent: ["sdr"], levels: { min: 2, max: 3 }, must: ["saas_sales", "salesforce"], nice: ["meddic", "pipeline", "negotiation", "enterprise"],
      policy: { places: [], remoteCountries: ["GB", "IE", "DE", "FR", "NL", "ES", "PT", "PL", "SE", "CH", "IT", "AE", "IL", "ZA", "NG", "KE"], remoteOnlyOk: true },
    },
    gen: { homes: ["dublin", "london", "amsterdam", "berlin", "stockholm", "munich", "dubai", "capetown"], farInState: [], sameName: [], wrongRegion: ["nyc", "chicago", "toronto", "singapore"], elsewhere: ["sf"], stack: 0 },
  },
  {
    id: "p09-mecheng-cambridge",
    title: "Mechanical Engineer",
    location: "Cambridge, UK",
    jobDescription: `Cambridge Fluidics designs benchtop instruments for DNA sequencing labs; our engineering team of 30 sits next to our assembly floor on the Cambridge Science Park, and we are hiring a mechanical engineer to design fluid-handling and motion modules, from concept sketches and SolidWorks models through FEA and tolerance analysis to drawings our suppliers can build from. You will have a degree in mechanical engineering and 3+ years designing electromechanical products, with strong SolidWorks, real FEA experience and good GD&T; experience with injection-moulded plastics, medical device standards (ISO 13485) or working towards Chartership would be welcome. Software engineers, lab scientists and our Python-based control software team are your daily neighbours, but this is a hands-on hardware role in the lab, five days a week on site in Cambridge. Benefits include a 10% pension contribution, share options, private medical cover and free lunch on Fridays.`,
    truth: {
      occupation: "mechanical_engineer", adjacent: [], levels: { min: 2, max: 3 }, must: ["solidworks", "fea"], nice: ["gdt", "dfm", "cad", "ceng"],
      policy: { places: [{ city: "cambridgeuk", radiusKm: 50 }], remoteCountries: null, remoteOnlyOk: false },
    },
    gen: { homes: ["cambridgeuk"], farInState: ["manchester", "leeds", "birminghamuk"], sameName: ["cambridgema"], elsewhere: ["munich", "boston"], stack: 0 },
  },
  {
    id: "p10-tech-recruiter-us",
    title: "Technical Recruiter",
    location: "Remote (US)",
    jobDescription: `Halcyon AI is growing from 120 to 250 people next year, most of them engineers: backend engineers working in Go and Python, ML engineers, SREs running Kubernetes, and a handful of designers.

Who you are
You are a full-cycle technical recruiter with 3+ years hiring software engineers. You source your own candidates (LinkedIn Recruiter, GitHub, referrals), you can hold your own in a conversation about what a staff engineer actually does, and you run a tidy process in Greenhouse. You have closed offers against big-tech competition and can coach hiring managers on interview loops.

You are not an engineer looking for a change, and this is not an HR generalist role.

What success looks like
- 3–4 engineering hires a month at a high offer-acceptance rate
- Hiring managers who trust your read on candidates
- A candidate experience people talk about

Location: fully remote within the United States (we have no office). Occasional travel for team off-sites.`,
    truth: {
      occupation: "technical_recruiter", adjacent: ["hr_generalist"], levels: { min: 2, max: 3 }, must: ["techrecruiting", "sourcing"], nice: ["greenhouse", "linkedinrecruiter", "offers"],
      policy: { places: [], remoteCountries: ["US"], remoteOnlyOk: true },
    },
    gen: { homes: ["austin", "chicago", "denver", "atlanta", "nyc", "seattle", "minneapolis"], farInState: [], sameName: [], wrongRegion: ["toronto", "london", "mexicocity"], elsewhere: ["berlin"], stack: 0 },
  },
  {
    id: "p11-marketing-manager-remote",
    title: "Marketing Manager, Demand Generation",
    location: "Remote - anywhere",
    jobDescription: `Quillstack makes documentation software for engineering teams (think API references, changelogs and developer portals). We're a remote-first company of 80 across 19 countries.

We're looking for a Marketing Manager to own demand generation: the programs that turn developers and engineering leaders into trials and trials into pipeline for sales.

In this role you will
- Plan and run multi-channel campaigns: paid search and social, webinars, content syndication, email nurture
- Own our HubSpot instance: lead scoring, workflows, attribution with Salesforce
- Work with content and product marketing on launches
- Report on pipeline you sourced, every month, to the leadership team

You'll bring
- 4–7 years in B2B marketing, with at least 2 owning demand generation targets
- Deep, hands-on HubSpot (or Marketo and a willingness to switch)
- Comfort with numbers: funnel math, CAC, attribution

Bonus: SEO, developer audiences, ABM.

Location: Remote - anywhere. We pay the same bands worldwide and work asynchronously, with a few overlapping hours with US Eastern time.`,
    truth: {
      occupation: "marketing_manager", adjacent: [], levels: { min: 3, max: 3 }, must: ["demandgen", "hubspot"], nice: ["seo", "abm", "paidsocial", "googleads", "automation"],
      policy: { places: [], remoteCountries: "ANYWHERE", remoteOnlyOk: true },
    },
    gen: { homes: ["lisbon", "austin", "toronto", "capetown", "bangalore", "london", "saopaulo", "sydney"], farInState: [], sameName: [], elsewhere: [], stack: 0 },
  },
  {
    id: "p12-math-teacher-austin",
    title: "High School Mathematics Teacher (2027–28)",
    location: "Austin, TX",
    jobDescription: `Eastside Independent School District — Travis Early College High School
Position: Mathematics Teacher, grades 9–12 (Algebra I, Geometry, Algebra II)
Reports to: Campus Principal
Contract: 187 days; salary per the district teacher pay scale ($58,500–$76,000), stipend for hard-to-fill subjects

Primary purpose: Provide students with appropriate learning activities and experiences in mathematics to help them fulfil their potential for intellectual, emotional, physical and social growth.

Qualifications:
Education/Certification: Bachelor's degree from an accredited university; valid Texas Educator Certificate in Mathematics (grades 7–12 or 4–8 with appropriate endorsement). Out-of-state certificate holders must obtain a Texas certificate before the start date.
Experience: Student teaching or approved internship; 1–6 years of classroom experience preferred.
Special knowledge/skills: Classroom management; knowledge of TEKS and STAAR end-of-course assessments; ability to use Google Classroom and the district's learning management system.

Major responsibilities: plan and deliver lessons in Algebra and Geometry; differentiate instruction for English learners and students with IEPs; communicate with parents; participate in PLCs and campus committees; sponsor an extracurricular activity (robotics, UIL, chess or similar).

This is an on-campus position in Austin, TX.`,
    truth: {
      occupation: "math_teacher", adjacent: ["science_teacher"], levels: { min: 2, max: 3 }, must: ["algebra", "txcert"], nice: ["geometry", "classroom", "lessonplanning"],
      policy: { places: [{ city: "austin", radiusKm: 50 }], remoteCountries: null, remoteOnlyOk: false },
    },
    gen: { homes: ["austin"], farInState: ["houston", "dallas"], sameName: ["paristx"], elsewhere: ["denver", "atlanta"], stack: 0, certFor: (city) => (["austin", "houston", "dallas", "paristx"].includes(city) ? "txcert" : city === "la" || city === "sf" ? "cacert" : "nycert") },
  },
  {
    id: "p13-pharmacist-manchester",
    title: "Community Pharmacist",
    location: "Manchester, UK",
    jobDescription: `Well & Good Pharmacy — Community Pharmacist, Didsbury (Manchester)
Full time, 40 hours, Monday to Friday plus one Saturday in four. £48,000–£54,000 DOE.

Job summary
We're an independent group of nine pharmacies across Greater Manchester. Our Didsbury branch dispenses around 9,000 items a month and runs a busy Pharmacy First service, flu and COVID vaccination clinics and a growing travel health offer.

Main duties
- Responsible Pharmacist for the branch: safe and legal dispensing and supply of medicines
- Clinical checks, patient counselling and medication reviews (NMS, Pharmacy First consultations)
- Controlled drugs management and record keeping
- Supervising and developing a team of two dispensers and an accredited checking technician

Person specification
Essential: MPharm; registered with the General Pharmaceutical Council (GPhC); community pharmacy dispensing experience in the UK.
Desirable: Independent prescriber or working towards it; experience delivering NHS advanced services.

Applications from pharmacy technicians or dispensers cannot be considered for this post. The role is based in the branch; there is no remote element.`,
    truth: {
      occupation: "pharmacist", adjacent: [], levels: { min: 2, max: 3 }, must: ["gphc", "dispensing"], nice: ["counselling", "medreview", "controlled", "nhs"],
      policy: { places: [{ city: "manchester", radiusKm: 40 }], remoteCountries: null, remoteOnlyOk: false },
    },
    gen: { homes: ["manchester"], farInState: ["london", "birminghamuk", "edinburgh"], sameName: [], elsewhere: ["dublin", "toronto"], stack: 0 },
  },
  {
    id: "p14-electrician-seattle",
    title: "Journeyman Electrician – Commercial",
    location: "Seattle, WA",
    jobDescription: `Sound Electric Inc. is hiring journeyman electricians for commercial tenant-improvement and new-construction work in downtown Seattle and the Eastside.

What you'll do:
- Install conduit (EMT, rigid, PVC), pull wire, set panels and terminate devices
- Read blueprints and work to NEC and Seattle amendments
- Troubleshoot circuits and lighting controls
- Lead an apprentice on small jobs

Requirements:
- Current Washington State 01 General Journey Level Electrician certificate (required — we cannot hire on an out-of-state license)
- 2+ years as a journeyman on commercial jobs; conduit bending by hand and with a bender
- Own hand tools, reliable transportation, valid driver's license
- OSHA 10 (OSHA 30 preferred)

Pay & benefits: $56–$64/hr DOE, overtime, medical/dental for you and your family, 401(k), paid holidays, tool allowance.
All work is on job sites in King County. This is not a remote or estimating position.`,
    truth: {
      occupation: "electrician", adjacent: [], levels: { min: 2, max: 3 }, must: ["journeyman", "commercialwiring", "conduit"], nice: ["nec", "blueprints", "troubleshooting", "osha"],
      policy: { places: [{ city: "seattle", radiusKm: 60 }], remoteCountries: null, remoteOnlyOk: false },
    },
    gen: { homes: ["seattle", "tacoma"], farInState: ["spokane"], sameName: [], elsewhere: ["portlandor", "portlandme", "denver"], stack: 0 },
  },
  {
    id: "p15-paralegal-nyc",
    title: "Litigation Paralegal",
    location: "New York, NY",
    jobDescription: `Whitman & Cole LLP, a 150-attorney commercial litigation firm, seeks an experienced Litigation Paralegal for its Midtown Manhattan office.

The paralegal will support partners and associates on complex commercial disputes in state and federal courts and in arbitration. Responsibilities include managing document productions and review in Relativity, preparing and cite-checking pleadings and briefs, maintaining case calendars, organizing deposition and trial materials, and coordinating with vendors, courts and opposing counsel.

Candidates must have at least three years of litigation paralegal experience at a law firm, hands-on Relativity (or comparable e-discovery platform) experience, and strong Westlaw or Lexis research skills. A bachelor's degree and a paralegal certificate are preferred. Legal secretaries and attorneys seeking paralegal roles will not be considered.

The firm works in the office four days a week; we are not able to consider fully remote candidates. Excellent benefits, overtime eligibility and an annual bonus.`,
    truth: {
      occupation: "paralegal", adjacent: ["legal_secretary"], levels: { min: 2, max: 3 }, must: ["litigation", "relativity"], nice: ["ediscovery", "westlaw", "pleadings", "trialprep"],
      policy: { places: [{ city: "nyc", radiusKm: 60 }], remoteCountries: null, remoteOnlyOk: false },
    },
    gen: { homes: ["nyc", "brooklyn", "jerseycity"], farInState: [], sameName: [], elsewhere: ["philadelphia", "dc", "boston"], remoteFar: ["denver", "austin"], stack: 0 },
  },
  {
    id: "p16-staff-java-na",
    title: "Staff Software Engineer, Java (Payments Platform)",
    location: "Remote (US or Canada)",
    jobDescription: `The role
Kestrel Pay's payments platform moves $4B a year for small businesses. We're looking for a staff engineer to lead the technical direction of our ledger and payouts services: set the architecture for the next three years, lead cross-team designs, and stay hands-on in the code.

Requirements
- 8+ years of backend engineering, including several years at a senior or staff level
- Deep Java (we're on Java 21) and Spring Boot
- Event-driven systems with Kafka: partitioning, exactly-once trade-offs, replays
- Experience designing for correctness in money-moving systems

Nice to have
- Kotlin, PostgreSQL at scale, AWS
- Experience as a tech lead across several teams

Our web dashboard is built in React and TypeScript; that is not this team.

Location: remote within the United States or Canada. We meet in person twice a year.`,
    truth: {
      occupation: "backend_engineer", adjacent: ["fullstack_engineer"], levels: { min: 4, max: 4 }, must: ["java", "spring", "kafka"], nice: ["kotlin", "postgres", "aws", "microservices"],
      policy: { places: [], remoteCountries: ["US", "CA"], remoteOnlyOk: true },
    },
    gen: { homes: ["chicago", "toronto", "austin", "seattle", "vancouver", "atlanta", "montreal"], farInState: [], sameName: [], wrongRegion: ["london", "bangalore", "mexicocity"], elsewhere: [], stack: 1 },
  },
  {
    id: "p17-junior-frontend-amsterdam",
    title: "Junior Frontend Developer",
    location: "Amsterdam, Netherlands (hybrid)",
    jobDescription: `Junior Frontend Developer at Bramble, Amsterdam. Bramble builds booking software for hair salons, physiotherapists and dentists across the Benelux. We're looking for a junior frontend developer (0–2 years, a bootcamp or a degree, internships count) who knows JavaScript and CSS well, has built something with React, and wants to grow in a team of four frontend developers with a lot of mentoring; you'll work three days a week in our office near Amsterdam Centraal and two from home, so you need to live in the Netherlands within reach of Amsterdam. Senior candidates: we love you, but this role really is for someone at the start of their career.`,
    truth: {
      occupation: "frontend_engineer", adjacent: ["fullstack_engineer"], levels: { min: 1, max: 1 }, must: ["javascript", "css"], nice: ["react", "html", "typescript"],
      policy: { places: [{ city: "amsterdam", radiusKm: 60 }], remoteCountries: null, remoteOnlyOk: false },
    },
    gen: { homes: ["amsterdam", "rotterdam"], farInState: [], sameName: [], elsewhere: ["berlin", "cologne", "london"], stack: 0 },
  },
];
