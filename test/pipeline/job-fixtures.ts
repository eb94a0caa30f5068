/** Real-shaped job postings for the ICP and query tests, one per profession. */

export type JobFixture = { title: string; jobDescription: string; location?: string };

export const backendEngineer: JobFixture = {
  title: "Senior Backend Engineer",
  location: "Remote (US)",
  jobDescription: `About the role
We're hiring a Senior Backend Engineer to build the payments platform that moves $2B a year. Our services are written in Go and TypeScript and run on Kubernetes in AWS. We've been around for 10 years and are fully remote across US time zones.

What you'll do
- Design and build APIs and event-driven services
- Own services in production, including on-call

Requirements
- 5+ years of professional software engineering experience
- Strong experience with Go or Node.js
- Deep knowledge of PostgreSQL and SQL performance tuning
- Experience with Kafka or another message broker

Nice to have
- Familiarity with Terraform
- Experience in fintech; PCI DSS is a plus

No agencies please.`,
};

export const icuNurse: JobFixture = {
  title: "Registered Nurse - ICU (Nights)",
  location: "Sacramento, CA",
  jobDescription: `Registered Nurse - ICU (Nights)
Mercy General Hospital is seeking a compassionate ICU Registered Nurse for our 24-bed adult Medical/Surgical Intensive Care Unit.

Responsibilities:
• Provide direct patient care to critically ill patients, including ventilated patients
• Titrate vasoactive drips and manage arterial lines and central lines
• Document in Epic and collaborate with the interdisciplinary team

Qualifications:
• Current RN license in the State of California
• BLS and ACLS certification required
• Minimum of two years of acute care experience, ICU preferred
• CCRN preferred
• Bilingual Spanish a plus`,
};

export const accountExecutive: JobFixture = {
  title: "Account Executive, Mid-Market",
  location: "New York, NY",
  jobDescription: `Account Executive, Mid-Market
Location: New York, NY (hybrid, 3 days in office)

You will own the full sales cycle from prospecting to close for mid-market SaaS customers. You will excel at building relationships with VP-level buyers.

What you bring:
- 3-5 years of B2B SaaS sales experience with a track record of quota attainment
- Proficient with Salesforce and consultative selling (MEDDIC a plus)
- Excellent negotiation and presentation skills
Not a management role. No recruiters.`,
};

export const financialAnalyst: JobFixture = {
  title: "Financial Analyst, FP&A",
  location: "Chicago, IL",
  jobDescription: `Financial Analyst, FP&A
Join our finance team in Chicago. You will build the annual budget, run monthly variance analysis, and support month-end close with the accounting team.

Requirements: Bachelor's degree in Finance or Accounting; at least 2 years of financial analysis experience; advanced Excel (pivot tables, VLOOKUP); experience building financial models.
Preferred: CPA or CFA progress, NetSuite, Power BI.`,
};

export const uxDesigner: JobFixture = {
  title: "UX Designer",
  jobDescription: `UX Designer
We are a remote-friendly design studio. You'll run user research, turn insights into wireframes and high-fidelity prototypes in Figma, and contribute to our design system.
You have three years of experience designing web and mobile products and a portfolio that shows your process.
Bonus: motion design, HTML/CSS.`,
};

export const dataScientist: JobFixture = {
  title: "Data Scientist II",
  location: "London, UK",
  jobDescription: `Data Scientist II
Location: London, UK
We use Python, SQL and Spark to build forecasting and recommendation models.
Must have: 3+ years in applied machine learning, strong statistics, Python (pandas, scikit-learn).
Ideally: experience with PyTorch, Airflow, or dbt. R is fine too.`,
};

export const warehouseManager: JobFixture = {
  title: "Warehouse Manager",
  location: "Reno, NV",
  jobDescription: `Warehouse Manager
Reno, NV distribution center, on-site.
Lead a team of 40 associates across receiving, pick and pack, and shipping. Own inventory accuracy (cycle counts), OSHA safety and KPIs.
Must have 5 years of warehouse operations experience including 2 years in a supervisory role; WMS experience (Manhattan or Blue Yonder) required. Lean / Six Sigma a plus. Forklift certification preferred.`,
};

export const allJobs = { backendEngineer, icuNurse, accountExecutive, financialAnalyst, uxDesigner, dataScientist, warehouseManager };
